/// How much of a split one part takes.
public enum Constraint: Hashable, Sendable {
    /// Exactly n cells (less when there is not enough room).
    case length(Int)
    /// A percentage of the whole.
    case percentage(Int)
    /// At least n cells; grows like `.fill(1)` when there is room.
    case min(Int)
    /// Shares what is left with the other fills, in proportion to the weight.
    case fill(Int)
}

public enum Direction: Sendable {
    case vertical, horizontal
}

/// Splits a rectangle into rows or columns by constraints, as ratatui's `Layout` does:
/// fixed parts first, then minimums, then what is left goes to the fills. Parts that do
/// not fit get zero size rather than negative, so tiny windows degrade instead of crash.
public struct Layout: Sendable {
    public var direction: Direction
    public var constraints: [Constraint]
    public var spacing: Int

    public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
        self.direction = direction
        self.constraints = constraints
        self.spacing = max(0, spacing)
    }

    public static func vertical(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(.vertical, constraints, spacing: spacing)
    }

    public static func horizontal(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(.horizontal, constraints, spacing: spacing)
    }

    public func split(_ area: Rect) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let total = direction == .vertical ? area.height : area.width
        let gaps = spacing * (constraints.count - 1)
        var remaining = Swift.max(0, total - gaps)
        var sizes = Array(repeating: 0, count: constraints.count)
        // Fixed sizes and percentages, in order, as long as there is room.
        for (i, c) in constraints.enumerated() {
            let want: Int
            switch c {
            case .length(let n): want = Swift.max(0, n)
            case .percentage(let p): want = Swift.max(0, total * Swift.min(100, Swift.max(0, p)) / 100)
            case .min(let n): want = Swift.max(0, n)
            case .fill: want = 0
            }
            sizes[i] = Swift.min(want, remaining)
            remaining -= sizes[i]
        }
        // What is left goes to fills and minimums by weight; the last one takes the rounding.
        let weights = constraints.map { c -> Int in
            switch c {
            case .fill(let w): return Swift.max(0, w)
            case .min: return 1
            default: return 0
            }
        }
        let weightSum = weights.reduce(0, +)
        if weightSum > 0 && remaining > 0 {
            var given = 0
            let lastWeighted = weights.lastIndex { $0 > 0 }!
            for i in weights.indices where weights[i] > 0 {
                let share = i == lastWeighted ? remaining - given : remaining * weights[i] / weightSum
                sizes[i] += share
                given += share
            }
        }
        var offset = direction == .vertical ? area.y : area.x
        return sizes.map { size in
            defer { offset += size + spacing }
            switch direction {
            case .vertical: return Rect(x: area.x, y: offset, width: area.width, height: size)
            case .horizontal: return Rect(x: offset, y: area.y, width: size, height: area.height)
            }
        }
    }
}
