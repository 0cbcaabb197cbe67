/// A key press, decoded from whatever the terminal sent.
public enum Key: Hashable, Sendable {
    /// A printable character, including space.
    case character(Character)
    /// Ctrl plus a letter, lower case: `.control("s")` is Ctrl-S.
    case control(Character)
    /// Esc and a character arriving together: Alt plus the key, or Esc typed quickly
    /// before it. The reducer decides which, by what is on screen.
    case alt(Character)
    case up, down, left, right
    case wordLeft, wordRight
    case home, end, pageUp, pageDown
    case enter, tab, backTab, escape, backspace, delete
    case function(Int)
}
