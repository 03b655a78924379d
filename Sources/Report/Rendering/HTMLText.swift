import Mustache
import Support

/// Text ready for the page: data escaped for HTML per Unicode scalar, or
/// markup taskreport made itself. The page's templates get no other text.
///
/// Templates place it with `{{{…}}}`, as it is. (`{{…}}` would escape it a
/// second time, and swift-mustache's own escaping works on `Character`s,
/// which lets `"` followed by a combining mark through.)
struct HTMLText: Sendable, Equatable, MustacheCustomRenderable {
    /// The HTML itself.
    let markup: String

    /// `text` from anywhere, escaped.
    init(_ text: String) {
        markup = MarkupEscaping.html(text)
    }

    /// Markup made by taskreport from numbers and its own words (charts,
    /// trend lines), placed as it is.
    init(markup: String) {
        self.markup = markup
    }

    /// A name, group, status or run id from the data: cut to ``DisplayText/labelLimit``, escaped.
    static func label(_ text: String) -> HTMLText {
        HTMLText(DisplayText.cut(text, to: DisplayText.labelLimit))
    }

    /// An error text from the data: cut to ``DisplayText/errorLimit``, escaped; line breaks kept.
    static func error(_ text: String) -> HTMLText {
        HTMLText(DisplayText.cut(text, to: DisplayText.errorLimit))
    }

    static let empty = HTMLText(markup: "")

    var renderText: String { markup }

    /// Empty text counts as absent, so `{{#field}}` opens only for text.
    var isNull: Bool { markup.isEmpty }
}
