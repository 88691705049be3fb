// A small recursive-descent JSON parser (RFC 8259) and the string/number writers.
#include "json.hpp"

#include <cmath>
#include <cstdio>
#include <clocale>
#include <cstdlib>

namespace swemu {
namespace json {

namespace {

constexpr int kMaxDepth = 200;

class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    bool parse_document(Value* out, std::string* error) {
        skip_ws();
        if (!parse_value(out, 0)) {
            *error = error_;
            return false;
        }
        skip_ws();
        if (pos_ != text_.size()) {
            fail("unexpected text after the end of the JSON document");
            *error = error_;
            return false;
        }
        return true;
    }

private:
    std::string_view text_;
    size_t pos_ = 0;
    int line_ = 1;
    size_t line_start_ = 0;
    std::string error_;

    int column() const { return static_cast<int>(pos_ - line_start_) + 1; }

    bool fail(const std::string& what) {
        if (error_.empty()) {
            error_ = "line " + std::to_string(line_) + ", column " + std::to_string(column()) +
                     ": " + what;
        }
        return false;
    }

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }

    void skip_ws() {
        while (!at_end()) {
            char c = text_[pos_];
            if (c == '\n') {
                ++pos_;
                ++line_;
                line_start_ = pos_;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++pos_;
            } else {
                break;
            }
        }
    }

    bool literal(const char* word) {
        std::string_view w(word);
        if (text_.substr(pos_, w.size()) != w) return fail(std::string("invalid literal, expected '") + word + "'");
        pos_ += w.size();
        return true;
    }

    bool parse_value(Value* out, int depth) {
        if (depth > kMaxDepth) return fail("nesting is too deep");
        out->line = line_;
        out->column = column();
        if (at_end()) return fail("unexpected end of input, expected a value");
        char c = peek();
        switch (c) {
            case '{':
                return parse_object(out, depth);
            case '[':
                return parse_array(out, depth);
            case '"':
                out->kind = Kind::String;
                return parse_string(&out->text);
            case 't':
                out->kind = Kind::Bool;
                out->boolean = true;
                return literal("true");
            case 'f':
                out->kind = Kind::Bool;
                out->boolean = false;
                return literal("false");
            case 'n':
                out->kind = Kind::Null;
                return literal("null");
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return parse_number(out);
                return fail(std::string("unexpected character '") + c + "', expected a value");
        }
    }

    bool parse_object(Value* out, int depth) {
        out->kind = Kind::Object;
        ++pos_;  // '{'
        skip_ws();
        if (peek() == '}') {
            ++pos_;
            return true;
        }
        for (;;) {
            skip_ws();
            if (peek() != '"') return fail("expected a string as object key");
            std::string key;
            if (!parse_string(&key)) return false;
            for (const auto& m : out->members) {
                if (m.first == key) return fail("duplicate object key \"" + key + "\"");
            }
            skip_ws();
            if (peek() != ':') return fail("expected ':' after an object key");
            ++pos_;
            skip_ws();
            out->members.emplace_back(std::move(key), Value());
            if (!parse_value(&out->members.back().second, depth + 1)) return false;
            skip_ws();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == '}') {
                ++pos_;
                return true;
            }
            return fail("expected ',' or '}' in an object");
        }
    }

    bool parse_array(Value* out, int depth) {
        out->kind = Kind::Array;
        ++pos_;  // '['
        skip_ws();
        if (peek() == ']') {
            ++pos_;
            return true;
        }
        for (;;) {
            skip_ws();
            out->items.emplace_back();
            if (!parse_value(&out->items.back(), depth + 1)) return false;
            skip_ws();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == ']') {
                ++pos_;
                return true;
            }
            return fail("expected ',' or ']' in an array");
        }
    }

    bool parse_number(Value* out) {
        out->kind = Kind::Number;
        size_t start = pos_;
        if (peek() == '-') ++pos_;
        if (peek() == '0') {
            ++pos_;
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9') ++pos_;
        } else {
            return fail("invalid number");
        }
        if (peek() == '.') {
            ++pos_;
            if (!(peek() >= '0' && peek() <= '9')) return fail("invalid number: digits expected after '.'");
            while (peek() >= '0' && peek() <= '9') ++pos_;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++pos_;
            if (peek() == '+' || peek() == '-') ++pos_;
            if (!(peek() >= '0' && peek() <= '9')) return fail("invalid number: digits expected in the exponent");
            while (peek() >= '0' && peek() <= '9') ++pos_;
        }
        out->text.assign(text_.substr(start, pos_ - start));
        return true;
    }

    static int hex_digit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    bool read_hex4(unsigned* out) {
        if (pos_ + 4 > text_.size()) return fail("truncated \\u escape");
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            int d = hex_digit(text_[pos_ + i]);
            if (d < 0) return fail("invalid \\u escape");
            v = v * 16 + static_cast<unsigned>(d);
        }
        pos_ += 4;
        *out = v;
        return true;
    }

    static void append_utf8(std::string* s, unsigned cp) {
        if (cp < 0x80) {
            s->push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            s->push_back(static_cast<char>(0xC0 | (cp >> 6)));
            s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            s->push_back(static_cast<char>(0xE0 | (cp >> 12)));
            s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            s->push_back(static_cast<char>(0xF0 | (cp >> 18)));
            s->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    bool parse_string(std::string* out) {
        ++pos_;  // opening quote
        for (;;) {
            if (at_end()) return fail("unterminated string");
            unsigned char c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20) return fail("control character inside a string (escape it)");
            if (c != '\\') {
                out->push_back(static_cast<char>(c));
                ++pos_;
                continue;
            }
            ++pos_;
            if (at_end()) return fail("unterminated escape");
            char e = text_[pos_++];
            switch (e) {
                case '"': out->push_back('"'); break;
                case '\\': out->push_back('\\'); break;
                case '/': out->push_back('/'); break;
                case 'b': out->push_back('\b'); break;
                case 'f': out->push_back('\f'); break;
                case 'n': out->push_back('\n'); break;
                case 'r': out->push_back('\r'); break;
                case 't': out->push_back('\t'); break;
                case 'u': {
                    unsigned cp = 0;
                    if (!read_hex4(&cp)) return false;
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (text_.substr(pos_, 2) != "\\u") return fail("unpaired surrogate in \\u escape");
                        pos_ += 2;
                        unsigned low = 0;
                        if (!read_hex4(&low)) return false;
                        if (low < 0xDC00 || low > 0xDFFF) return fail("invalid low surrogate in \\u escape");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        return fail("unpaired surrogate in \\u escape");
                    }
                    append_utf8(out, cp);
                    break;
                }
                default:
                    --pos_;
                    return fail(std::string("invalid escape '\\") + e + "'");
            }
        }
    }
};

// The host program may have changed LC_NUMERIC (some toolkits do); JSON always uses '.'.
char locale_decimal_point() {
    const struct lconv* lc = std::localeconv();
    return (lc && lc->decimal_point && lc->decimal_point[0]) ? lc->decimal_point[0] : '.';
}

double c_strtod(const std::string& text, bool* ok) {
    std::string local = text;
    char dp = locale_decimal_point();
    if (dp != '.') {
        for (char& c : local) {
            if (c == '.') c = dp;
        }
    }
    char* end = nullptr;
    double v = std::strtod(local.c_str(), &end);
    *ok = end != nullptr && *end == '\0' && !local.empty();
    return v;
}

void c_format(char* buf, size_t size, int precision, double value) {
    std::snprintf(buf, size, "%.*g", precision, value);
    char dp = locale_decimal_point();
    if (dp != '.') {
        for (char* p = buf; *p; ++p) {
            if (*p == dp) *p = '.';
        }
    }
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid.
size_t utf8_sequence_length(std::string_view s, size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n;
    unsigned cp;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k) {
        unsigned char d = static_cast<unsigned char>(s[i + k]);
        if ((d & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return n;
}

}  // namespace

const Value* Value::find(std::string_view key) const {
    if (kind != Kind::Object) return nullptr;
    for (const auto& m : members) {
        if (m.first == key) return &m.second;
    }
    return nullptr;
}

bool Value::as_int64(int64_t* out) const {
    if (kind != Kind::Number) return false;
    const std::string& t = text;
    size_t i = 0;
    bool neg = false;
    if (i < t.size() && t[i] == '-') {
        neg = true;
        ++i;
    }
    if (i == t.size()) return false;
    uint64_t mag = 0;
    for (; i < t.size(); ++i) {
        char c = t[i];
        if (c < '0' || c > '9') return false;  // fractions and exponents are not integers here
        uint64_t d = static_cast<uint64_t>(c - '0');
        if (mag > (UINT64_MAX - d) / 10) return false;
        mag = mag * 10 + d;
    }
    if (neg) {
        if (mag > static_cast<uint64_t>(INT64_MAX) + 1) return false;
        *out = mag == static_cast<uint64_t>(INT64_MAX) + 1 ? INT64_MIN : -static_cast<int64_t>(mag);
    } else {
        if (mag > static_cast<uint64_t>(INT64_MAX)) return false;
        *out = static_cast<int64_t>(mag);
    }
    return true;
}

bool Value::as_uint64(uint64_t* out) const {
    if (kind != Kind::Number && kind != Kind::String) return false;
    const std::string& t = text;
    if (t.empty()) return false;
    uint64_t v = 0;
    for (char c : t) {
        if (c < '0' || c > '9') return false;
        uint64_t d = static_cast<uint64_t>(c - '0');
        if (v > (UINT64_MAX - d) / 10) return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

bool Value::as_double(double* out) const {
    if (kind != Kind::Number) return false;
    bool ok = false;
    double v = c_strtod(text, &ok);
    if (!ok || !std::isfinite(v)) return false;
    *out = v;
    return true;
}

bool parse(std::string_view text, Value* out, std::string* error) {
    *out = Value();
    Parser p(text);
    return p.parse_document(out, error);
}

const char* kind_name(Kind kind) {
    switch (kind) {
        case Kind::Null: return "null";
        case Kind::Bool: return "a boolean";
        case Kind::Number: return "a number";
        case Kind::String: return "a string";
        case Kind::Array: return "an array";
        case Kind::Object: return "an object";
    }
    return "a value";
}

void append_string(std::string& out, std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    out.push_back('"');
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            size_t n = utf8_sequence_length(s, i);
            if (n == 0) {
                out += "\\ufffd";
                ++i;
            } else {
                out.append(s.substr(i, n));
                i += n;
            }
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    out += "\\u00";
                    out.push_back(kHex[c >> 4]);
                    out.push_back(kHex[c & 0xF]);
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
        ++i;
    }
    out.push_back('"');
}

void append_double(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char buf[64];
    // 17 significant digits always read back as the same double; prefer the shortest form
    // that still does, for readable logs.
    c_format(buf, sizeof buf, 17, value);
    for (int prec = 1; prec < 17; ++prec) {
        char shorter[64];
        c_format(shorter, sizeof shorter, prec, value);
        bool ok = false;
        if (c_strtod(shorter, &ok) == value && ok) {
            std::snprintf(buf, sizeof buf, "%s", shorter);
            break;
        }
    }
    out += buf;
    // Keep it recognisably a float in JSON when it prints like an integer.
    bool has_mark = false;
    for (const char* p = buf; *p; ++p) {
        if (*p == '.' || *p == 'e' || *p == 'E' || *p == 'n' || *p == 'i') has_mark = true;
    }
    if (!has_mark) out += ".0";
}

}  // namespace json
}  // namespace swemu
