/// Anything that can draw itself into a rectangle of a buffer. A widget is a value made
/// fresh each frame from the state (ratatui's immediate mode); state that outlives a
/// frame (selection, scroll offset, cursor) lives in the screen's state, not here.
public protocol Widget {
    func render(in area: Rect, buffer: inout Buffer)
}
