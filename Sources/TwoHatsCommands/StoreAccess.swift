import TwoHatsStore

/// Runs a store call from a command: a storage problem becomes the one line the user sees.
func storeCall<T>(_ body: () throws(StoreError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw Failure(message: error.description)
    }
}
