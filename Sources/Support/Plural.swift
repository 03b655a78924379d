/// A count with its noun in the right number: `1 task`, `2 tasks`, `1 new failure`.
public enum Plural {
    /// `count` and `singular` (or `plural`, by default `singular` + "s" for any count but 1).
    public static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
