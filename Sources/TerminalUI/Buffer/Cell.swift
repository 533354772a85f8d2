/// One terminal cell: one grapheme cluster and its style. A wide character occupies
/// its cell and marks the next one as its continuation, which draws nothing.
public struct Cell: Hashable, Sendable {
    public var symbol: String
    public var style: Style
    public var isContinuation: Bool

    public init(_ symbol: String = " ", style: Style = .text, isContinuation: Bool = false) {
        self.symbol = symbol
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
