/// Work the reducer asks the run loop to do. Effects are data so that tests can assert them.
public enum Effect: Equatable, Sendable {
    case quit
}
