// junit_reader.cpp -- task records from JUnit XML, streamed through libxml2's SAX2 push parser.
//
// One record per <testcase>, as pytest, Jest, Surefire, go-junit-report,
// mocha, ctest and Google Test write them. Only the test case being read is
// held: its attributes and the ends of its texts, never the document, so
// memory stays bounded whatever the size of the file. Each record goes
// through tc_table_append(), the one place where records are validated.
//
// Entities: the five predefined ones and character references are decoded.
// A document that declares an entity is refused, and nothing outside the
// input is ever read (no DTD, no external entity, no network), so a hostile
// file can neither read a file of this machine nor blow up in memory.
#include "table.hpp"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <charconv>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

using namespace taskcolumns;

namespace {

std::string_view view(const xmlChar *text) { return reinterpret_cast<const char *>(text); }

/// Whether the byte `c` continues a UTF-8 character (10xxxxxx), so that text cut before it would split one.
bool continues_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// The end of a text that may be long (a test's output): at most TC_JUNIT_OUTPUT_LIMIT bytes are kept,
/// and the text's first line.
class Tail {
public:
    void append(const char *bytes, size_t len) {
        text_.append(bytes, len);
        if (text_.size() > 2 * TC_JUNIT_OUTPUT_LIMIT) {
            if (!cut_) head_ = first_line();  // before the text's start goes
            // Cut between characters, so that what is kept starts with a whole one.
            size_t cut = text_.size() - TC_JUNIT_OUTPUT_LIMIT;
            while (cut < text_.size() && continues_character(text_[cut])) cut++;
            text_.erase(0, cut);
            cut_ = true;
        }
    }

    bool empty() const { return text_.find_first_not_of(" \t\r\n") == std::string::npos; }

    /// Appends the kept text to `out`: from a character boundary, after "…" when it was cut.
    void write(std::string &out) const {
        size_t start = text_.size() > TC_JUNIT_OUTPUT_LIMIT ? text_.size() - TC_JUNIT_OUTPUT_LIMIT : 0;
        while (start < text_.size() && continues_character(text_[start])) start++;
        if (cut_ || start > 0) out += "…\n";
        std::string_view kept(text_.data() + start, text_.size() - start);
        while (!kept.empty() && (kept.front() == '\n' || kept.front() == '\r')) kept.remove_prefix(1);
        while (!kept.empty() && (kept.back() == '\n' || kept.back() == '\r' || kept.back() == ' ')) kept.remove_suffix(1);
        out += kept;
    }

    /// The first line that is not blank, without its indentation, at most 200 bytes (cut at a character):
    /// of the whole text, also when only its end is kept.
    std::string first_line() const {
        if (cut_ && !head_.empty()) return head_;
        size_t start = text_.find_first_not_of(" \t\r\n");
        if (start == std::string::npos) return {};
        size_t end = text_.find_first_of("\r\n", start);
        size_t length = (end == std::string::npos ? text_.size() : end) - start;
        if (length > 200) {
            length = 200;
            while (length > 0 && continues_character(text_[start + length])) length--;
        }
        return text_.substr(start, length);
    }

    void clear() {
        text_.clear();
        head_.clear();
        cut_ = false;
    }

private:
    std::string text_;
    /// The first line of the text as it was before the first cut (empty when that was all blank).
    std::string head_;
    bool cut_ = false;
};

/// An enclosing <testsuite>: its name (a test case's group when it has no class name) and start.
struct Suite {
    std::string name, timestamp;
};

/// The <testcase> being read.
struct TestCase {
    std::string classname, name, time, timestamp, label, message;
    int message_rank = 0;  // 1 for a skip's reason, 2 for a failure's message
    Tail out, err, detail;
    int32_t reruns = 0;
    unsigned long line = 0;

    void reset() {
        classname.clear(), name.clear(), time.clear(), timestamp.clear(), message.clear();
        label = "passed";
        message_rank = 0;
        out.clear(), err.clear(), detail.clear();
        reruns = 0;
    }
};

}  // namespace

struct tc_junit {
    explicit tc_junit(tc_table *table) : table(table) {}
    ~tc_junit() {
        if (parser) {
            if (parser->myDoc) xmlFreeDoc(parser->myDoc);
            xmlFreeParserCtxt(parser);
        }
    }

    tc_status push(const char *bytes, size_t len, bool last, tc_error *err);

private:
    tc_table *table;
    xmlParserCtxtPtr parser = nullptr;
    xmlSAXHandler sax{};
    std::vector<Suite> suites;
    int depth = 0;
    bool saw_root = false;
    int case_depth = 0;  // the depth of the <testcase> being read; 0 outside one
    TestCase current;
    Tail *target = nullptr;  // where text at target_depth goes
    int target_depth = 0;
    tc_error error{};
    bool failed = false;
    std::string id, group, output;  // scratch for the record being appended

    static tc_junit *of(void *context) {
        return static_cast<tc_junit *>(static_cast<xmlParserCtxtPtr>(context)->_private);
    }
    static void on_start(void *context, const xmlChar *localname, const xmlChar *, const xmlChar *, int,
                         const xmlChar **, int attribute_count, int, const xmlChar **attributes);
    static void on_end(void *context, const xmlChar *localname, const xmlChar *, const xmlChar *);
    static void on_text(void *context, const xmlChar *text, int len);
    static void on_error(void *context, xmlErrorPtr problem);
    static void on_generic_error(void *context, const char *format, ...) __attribute__((format(printf, 2, 3)));
    /// The first line libxml2 wrote through its generic error channel during a push (encoding errors go
    /// there, not to the structured handler): the reason given when the chunk fails.
    std::string generic_line;
    bool generic_line_done = false;
    static void on_entity_declaration(void *context, const xmlChar *name, int, const xmlChar *, const xmlChar *, xmlChar *);
    static void on_unparsed_entity_declaration(void *context, const xmlChar *name, const xmlChar *, const xmlChar *,
                                               const xmlChar *);

    bool create(tc_error *err);
    void start(std::string_view element, int attribute_count, const xmlChar **attributes);
    void start_case(int attribute_count, const xmlChar **attributes);
    void start_in_case(std::string_view element, int attribute_count, const xmlChar **attributes);
    void end(std::string_view element);
    void append_case();
    /// Runs `work` from a parser callback, where no exception may pass through libxml2's C frames.
    template <typename Work>
    void guarded(Work work) {
        try {
            work();
        } catch (const std::bad_alloc &) {
            fail(TC_ERR_INTERNAL, 0, "out of memory");
        }
    }
    void fail(tc_status status, unsigned long line, const char *format, ...) __attribute__((format(printf, 4, 5)));
};

namespace {

/// Calls `visit(name, value)` for each attribute of a SAX2 start tag (five pointers each: the local
/// name, prefix, URI, and the value's start and end).
template <typename Visit>
void each_attribute(int count, const xmlChar **attributes, Visit visit) {
    for (int i = 0; i < count; i++) {
        const xmlChar **a = attributes + 5 * i;
        std::string_view value(reinterpret_cast<const char *>(a[3]), static_cast<size_t>(a[4] - a[3]));
        if (value.find("&#38;") == std::string_view::npos) {
            visit(view(a[0]), value);
            continue;
        }
        // Without entity substitution, libxml2 hands every '&' of a value out as "&#38;" (a declared entity
        // stays "&name;"), so that this one replacement gives the value back exactly.
        std::string decoded;
        for (size_t at = 0; at < value.size();) {
            bool escaped = value.compare(at, 5, "&#38;") == 0;
            decoded += value[at];
            at += escaped ? 5 : 1;
        }
        visit(view(a[0]), std::string_view(decoded));
    }
}

/// Seconds as JUnit writes them ("0.25"; Surefire once grouped thousands: "1,234.5") to milliseconds;
/// NaN for an empty text. False when it is not a number, or is negative.
bool milliseconds(const std::string &seconds, double *ms) {
    *ms = std::numeric_limits<double>::quiet_NaN();
    std::string digits;
    for (char c : seconds) if (c != ',' && c != ' ') digits += c;
    if (digits.empty()) return true;
    double value;
    auto [end, problem] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (problem != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value) || value < 0) return false;
    *ms = value * 1000.0;
    return true;
}

tc_string text(const std::string &s) { return s.empty() ? tc_string{nullptr, 0} : tc_string{s.data(), s.size()}; }

}  // namespace

void tc_junit::fail(tc_status status, unsigned long line, const char *format, ...) {
    if (failed) return;
    failed = true;
    error.status = status;
    error.line = line;
    error.field[0] = 0;
    va_list args;
    va_start(args, format);
    std::vsnprintf(error.message, sizeof error.message, format, args);
    va_end(args);
    if (parser) xmlStopParser(parser);
}

bool tc_junit::create(tc_error *err) {
    // SAX2's own handlers keep the document type and entity declarations; elements and text are ours.
    xmlSAXVersion(&sax, 2);
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = sax.cdataBlock = sax.ignorableWhitespace = on_text;
    sax.serror = on_error;
    sax.error = sax.warning = nullptr;
    sax.entityDecl = on_entity_declaration;
    sax.unparsedEntityDecl = on_unparsed_entity_declaration;
    sax.reference = nullptr;
    sax.comment = nullptr;
    sax.processingInstruction = nullptr;
    sax.externalSubset = nullptr;
    sax.resolveEntity = nullptr;
    parser = xmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, nullptr);
    if (!parser) {
        set_error(err, TC_ERR_INTERNAL, "", "out of memory creating the XML parser");
        return false;
    }
    parser->_private = this;
    // Never touch the network or load a DTD; do not substitute entities (XML_PARSE_NOENT is left out).
    // XML_PARSE_HUGE lifts the 10 MB limit on one text (Surefire writes a test's whole log as one CDATA
    // section); it also lifts libxml2's guard against entity bombs, which cannot arise here, since a
    // document that declares an entity is refused (on_entity_declaration).
    xmlCtxtUseOptions(parser, XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    return true;
}

/// Routes libxml2's generic error channel (per thread; standard error by default) to a reader while it
/// parses, and back when done, so that nothing but the one line of the error reaches standard error.
class GenericErrorsTo {
public:
    GenericErrorsTo(void *reader, xmlGenericErrorFunc handler) : handler_(xmlGenericError), context_(xmlGenericErrorContext) {
        xmlSetGenericErrorFunc(reader, handler);
    }
    ~GenericErrorsTo() { xmlSetGenericErrorFunc(context_, handler_); }

private:
    xmlGenericErrorFunc handler_;
    void *context_;
};

void tc_junit::on_generic_error(void *context, const char *format, ...) {
    auto *reader = static_cast<tc_junit *>(context);
    if (reader->generic_line_done) return;
    char text[256];
    va_list args;
    va_start(args, format);
    std::vsnprintf(text, sizeof text, format, args);
    va_end(args);
    for (const char *c = text; *c && !reader->generic_line_done; c++) {
        if (*c == '\n' || reader->generic_line.size() >= 160) reader->generic_line_done = true;
        else reader->generic_line += *c;
    }
}

tc_status tc_junit::push(const char *bytes, size_t len, bool last, tc_error *err) {
    size_t used = 0;
    GenericErrorsTo errors(this, on_generic_error);
    if (!parser && !create(err)) return err->status;
    const size_t step = 1 << 30;  // xmlParseChunk takes an int
    do {
        size_t n = len - used < step ? len - used : step;
        bool final_chunk = last && used + n == len;
        int status = xmlParseChunk(parser, bytes + used, static_cast<int>(n), final_chunk ? 1 : 0);
        used += n;
        if (!failed && status != 0) {
            fail(TC_ERR_XML, static_cast<unsigned long>(xmlSAX2GetLineNumber(parser)), "not well-formed XML%s%s",
                 generic_line.empty() ? "" : ": ", generic_line.c_str());
        }
        if (failed) {
            *err = error;
            return err->status;
        }
    } while (used < len);
    if (last && !saw_root) {
        set_error(err, TC_ERR_NOT_JUNIT, "", "XML without a root element; expected <testsuites> or <testsuite>");
        err->line = 1;
        return err->status;
    }
    return TC_OK;
}

void tc_junit::on_error(void *context, xmlErrorPtr problem) {
    if (!problem || problem->level < XML_ERR_ERROR) return;
    tc_junit *reader = of(context);
    if (problem->code == XML_ERR_DOCUMENT_END && reader->depth > 0) {
        // The push parser's word for a document that stops inside its root, as a cut-short file does.
        reader->fail(TC_ERR_XML, static_cast<unsigned long>(problem->line > 0 ? problem->line : 1),
                     "not well-formed XML: the file ends with %d element%s still open; was it cut short?", reader->depth,
                     reader->depth == 1 ? "" : "s");
        return;
    }
    // libxml2's messages end with a line break, and some hold one ("… indicate encoding !\nBytes: …").
    std::string message = problem->message ? problem->message : "not well-formed";
    for (char &c : message) if (c == '\n' || c == '\r') c = ' ';
    while (!message.empty() && message.back() == ' ') message.pop_back();
    reader->fail(TC_ERR_XML, problem->line > 0 ? static_cast<unsigned long>(problem->line) : 1,
                 "not well-formed XML: %s", message.c_str());
}

void tc_junit::on_entity_declaration(void *context, const xmlChar *name, int, const xmlChar *, const xmlChar *, xmlChar *) {
    on_unparsed_entity_declaration(context, name, nullptr, nullptr, nullptr);
}

void tc_junit::on_unparsed_entity_declaration(void *context, const xmlChar *name, const xmlChar *, const xmlChar *,
                                              const xmlChar *) {
    // No test runner declares entities; a document that does is after a bomb or a file of this machine.
    tc_junit *reader = of(context);
    std::string_view entity = view(name);
    reader->fail(TC_ERR_XML, static_cast<unsigned long>(xmlSAX2GetLineNumber(reader->parser)),
                 "declares the entity '%.*s'; JUnit XML needs none, and declared entities are never read",
                 static_cast<int>(entity.size() > 60 ? 60 : entity.size()), entity.data());
}

void tc_junit::on_start(void *context, const xmlChar *localname, const xmlChar *, const xmlChar *, int,
                        const xmlChar **, int attribute_count, int, const xmlChar **attributes) {
    tc_junit *reader = of(context);
    if (!reader->failed) reader->guarded([&] { reader->start(view(localname), attribute_count, attributes); });
}

void tc_junit::start(std::string_view element, int attribute_count, const xmlChar **attributes) {
    depth++;
    if (!saw_root) {
        saw_root = true;
        if (element != "testsuites" && element != "testsuite") {
            fail(TC_ERR_NOT_JUNIT, static_cast<unsigned long>(xmlSAX2GetLineNumber(parser)),
                 "XML, but not JUnit: the root element is <%.*s>; expected <testsuites> or <testsuite>",
                 static_cast<int>(element.size() > 60 ? 60 : element.size()), element.data());
            return;
        }
    }
    if (case_depth > 0) {
        if (depth == case_depth + 1) start_in_case(element, attribute_count, attributes);
        return;
    }
    if (element == "testsuite") {
        Suite suite;
        if (!suites.empty()) suite.timestamp = suites.back().timestamp;
        each_attribute(attribute_count, attributes, [&](std::string_view name, std::string_view value) {
            if (name == "name") suite.name = value;
            if (name == "timestamp" && !value.empty()) suite.timestamp = value;
        });
        suites.push_back(std::move(suite));
    } else if (element == "testcase") {
        start_case(attribute_count, attributes);
    }
}

void tc_junit::start_case(int attribute_count, const xmlChar **attributes) {
    current.reset();
    current.line = static_cast<unsigned long>(xmlSAX2GetLineNumber(parser));
    case_depth = depth;
    each_attribute(attribute_count, attributes, [&](std::string_view name, std::string_view value) {
        if (name == "classname") current.classname = value;
        else if (name == "name") current.name = value;
        else if (name == "time") current.time = value;
        else if (name == "timestamp") current.timestamp = value;
        // ctest's and Google Test's words for a test that did not run, or failed without a <failure>.
        else if ((name == "status" && (value == "notrun" || value == "disabled")) || (name == "result" && value == "suppressed"))
            current.label = "disabled";
        else if ((name == "status" || name == "result") && value == "skipped") current.label = "skipped";
        else if (name == "status" && (value == "fail" || value == "failed")) current.label = "failed";
    });
}

void tc_junit::start_in_case(std::string_view element, int attribute_count, const xmlChar **attributes) {
    bool failure = element == "failure", error = element == "error", skipped = element == "skipped";
    if (failure || error || skipped) {
        if (error) current.label = "error";
        else if (failure && current.label != "error") current.label = "failed";
        else if (skipped && current.label == "passed") current.label = "skipped";
        int rank = skipped ? 1 : 2;
        std::string message, type;
        each_attribute(attribute_count, attributes, [&](std::string_view name, std::string_view value) {
            if (name == "message") message = value;
            if (name == "type") type = value;
        });
        if (message.empty()) message = type;
        if (rank > current.message_rank && !message.empty()) {
            current.message = message;
            current.message_rank = rank;
        }
        target = &current.detail;
    } else if (element == "system-out") {
        target = &current.out;
    } else if (element == "system-err") {
        target = &current.err;
    } else if (element == "flakyFailure" || element == "flakyError" || element == "rerunFailure" ||
               element == "rerunError") {
        current.reruns++;  // Surefire's other attempts at the test
        target = nullptr;
    } else {
        target = nullptr;
    }
    target_depth = depth;
}

void tc_junit::on_end(void *context, const xmlChar *localname, const xmlChar *, const xmlChar *) {
    tc_junit *reader = of(context);
    if (!reader->failed) reader->guarded([&] { reader->end(view(localname)); });
}

void tc_junit::end(std::string_view element) {
    if (target && depth == target_depth) target = nullptr;
    if (case_depth > 0 && depth == case_depth) {
        case_depth = 0;
        append_case();
    } else if (case_depth == 0 && element == "testsuite" && !suites.empty()) {
        suites.pop_back();
    }
    depth--;
}

void tc_junit::on_text(void *context, const xmlChar *text, int len) {
    tc_junit *reader = of(context);
    if (reader->target && reader->depth == reader->target_depth && len > 0) {
        reader->guarded([&] { reader->target->append(reinterpret_cast<const char *>(text), static_cast<size_t>(len)); });
    }
}

void tc_junit::append_case() {
    if (current.name.empty()) {
        fail(TC_ERR_MISSING_FIELD, current.line, "<testcase> without a name attribute");
        return;
    }
    double duration;
    if (!milliseconds(current.time, &duration)) {
        fail(TC_ERR_FIELD_TYPE, current.line, "testcase '%.60s': time '%.40s' is not a duration in seconds",
             current.name.c_str(), current.time.c_str());
        return;
    }
    // A class name the test's name already holds (Jest and ctest repeat the name, mocha gives the title
    // that ends it) says nothing of a group: the suite's name does.
    bool classed = !current.classname.empty() && current.name.find(current.classname) == std::string::npos;
    id = classed ? current.classname + "." + current.name : current.name;
    group = classed ? current.classname : suites.empty() ? std::string() : suites.back().name;
    // The output ends with the failure's own text, which the page shows last.
    output.clear();
    const std::pair<const Tail *, const char *> parts[] = {
        {&current.out, "system-out"}, {&current.err, "system-err"}, {&current.detail, current.label.c_str()}};
    int present = 0;
    for (const auto &[part, title] : parts) present += part->empty() ? 0 : 1;
    for (const auto &[part, title] : parts) {
        if (part->empty()) continue;
        if (!output.empty()) output += "\n";
        if (present > 1) (output += "--- ") += title, output += " ---\n";
        part->write(output);
    }
    const std::string &timestamp = current.timestamp.empty() && !suites.empty() ? suites.back().timestamp : current.timestamp;
    tc_record record{};
    record.id = text(id);
    record.name = text(current.name);
    record.group = text(group);
    record.status = text(current.label);
    // Jest's failures carry no message: the first line of their text is one. Google Test's end in a line break.
    if (current.message.empty() && !current.detail.empty()) current.message = current.detail.first_line();
    while (!current.message.empty() && std::strchr(" \t\r\n", current.message.back())) current.message.pop_back();
    record.error = text(current.message);
    record.output = text(output);
    record.started_at_text = text(timestamp);
    record.started_at = record.finished_at = std::numeric_limits<double>::quiet_NaN();
    record.duration_ms = duration;
    record.exit_code = TC_MISSING_INT;
    record.attempts = current.reruns > 0 ? current.reruns + 1 : TC_MISSING_INT;
    record.text_is_utf8 = 0;  // libxml2 hands out UTF-8; checked again all the same, with the cut tails
    tc_error problem{};
    if (tc_table_append(table, &record, &problem) != TC_OK) {
        const char *field = std::strcmp(problem.field, "started_at") == 0    ? "the suite's timestamp: "
                            : std::strcmp(problem.field, "duration_ms") == 0 ? "time: "
                                                                             : "";
        fail(problem.status, current.line, "testcase '%.60s': %s%s", current.name.c_str(), field, problem.message);
    }
}

extern "C" tc_junit *tc_junit_create(tc_table *table) { return new (std::nothrow) tc_junit(table); }

extern "C" void tc_junit_destroy(tc_junit *reader) { delete reader; }

extern "C" tc_status tc_junit_push(tc_junit *reader, const char *bytes, size_t len, int last, tc_error *err) {
    *err = tc_error{};
    try {
        return reader->push(bytes, len, last != 0, err);
    } catch (const std::bad_alloc &) {
        set_error(err, TC_ERR_INTERNAL, "", "out of memory");
        return err->status;
    }
}
