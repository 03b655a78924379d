import TaskModel

/// An opaque sRGB colour, components 0…1.
public struct Color: Sendable, Equatable {
    public var red: Double
    public var green: Double
    public var blue: Double

    /// A colour from a 24-bit `0xRRGGBB` value.
    public init(hex: UInt32) {
        red = Double((hex >> 16) & 0xFF) / 255
        green = Double((hex >> 8) & 0xFF) / 255
        blue = Double(hex & 0xFF) / 255
    }

    /// `#rrggbb`, for stylesheets.
    public var hexString: String {
        let value = (Int((red * 255).rounded()) << 16) | (Int((green * 255).rounded()) << 8) | Int((blue * 255).rounded())
        let digits = String(value, radix: 16)
        return "#" + String(repeating: "0", count: 6 - digits.count) + digits
    }

    static let white = Color(hex: 0xFFFFFF)
    static let ink = Color(hex: 0x1F2933)
    static let muted = Color(hex: 0x616E7C)
    static let grid = Color(hex: 0xE4E7EB)
    static let axis = Color(hex: 0x9AA5B1)
    static let accent = Color(hex: 0x3E4C59)
    /// The single-series bar colour.
    static let bar = Color(hex: 0x3B7DD8)

    /// The fixed colour of a known status kind.
    public static func status(_ kind: StatusKind) -> Color? {
        switch kind {
        case .completed: Color(hex: 0x2E9D5B)
        case .failed: Color(hex: 0xD64545)
        case .timeout: Color(hex: 0xE8871E)
        case .cancelled: Color(hex: 0x7F8791)
        case .skipped: Color(hex: 0xA9B7C6)
        case .pending: Color(hex: 0xC9A227)
        case .running: Color(hex: 0x3B7DD8)
        case .other: nil
        }
    }

    /// Colours for labels of unknown kind, used in turn.
    static let others: [Color] = [0x8E6CC9, 0x2AA7A7, 0xC25B9B, 0x6B8E23, 0xB5651D, 0x4B5D9C].map { Color(hex: $0) }

    /// Colours for statuses in display order: known kinds by kind, others in turn. A second label of the
    /// same kind (`completed` and `Succeeded`) gets a darker shade of its colour, a third a lighter one, and so
    /// on, so that each has a legend entry of its own.
    public static func statuses(_ kinds: [StatusKind]) -> [Color] {
        var next = 0
        var seen: [StatusKind: Int] = [:]
        return kinds.map { kind in
            guard let color = status(kind) else {
                defer { next += 1 }
                return others[next % others.count]
            }
            defer { seen[kind, default: 0] += 1 }
            return color.shade(seen[kind] ?? 0)
        }
    }

    /// The `index`-th shade of this colour: itself, then darker and lighter in turn, each step further.
    func shade(_ index: Int) -> Color {
        guard index > 0 else { return self }
        let step = Double((index + 1) / 2) * 0.28
        return index % 2 == 1 ? mixed(with: Color(hex: 0x000000), step) : mixed(with: .white, min(step, 0.8))
    }

    /// This colour moved `amount` (0…1) of the way to `other`.
    func mixed(with other: Color, _ amount: Double) -> Color {
        var color = self
        color.red += (other.red - red) * amount
        color.green += (other.green - green) * amount
        color.blue += (other.blue - blue) * amount
        return color
    }
}
