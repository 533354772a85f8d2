/// The cells that differ between the frame on screen and the next one. The backend
/// writes only these, so moving a selection bar costs a couple of hundred bytes instead
/// of a whole screen (TERMINAL.md).
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
}

extension Buffer {
    public func changes(from previous: Buffer) -> [CellChange] {
        guard previous.width == width, previous.height == height else {
            return (0..<height).flatMap { y in (0..<width).map { x in CellChange(x: x, y: y, cell: self[x, y]) } }
        }
        var out: [CellChange] = []
        for i in cells.indices where cells[i] != previous.cells[i] {
            out.append(CellChange(x: i % width, y: i / width, cell: cells[i]))
        }
        return out
    }
}
