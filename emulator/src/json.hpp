// A small JSON reader and writer for the emulator's data files, state files and call log.
//
// Numbers keep their source text so that 64-bit integers are read exactly (never through a
// double). Objects keep their members in source order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace swemu {
namespace json {

enum class Kind { Null, Bool, Number, String, Array, Object };

struct Value {
    Kind kind = Kind::Null;
    bool boolean = false;
    std::string text;  // Number: the literal as written; String: the decoded UTF-8 text
    std::vector<Value> items;                            // Array
    std::vector<std::pair<std::string, Value>> members;  // Object, in source order
    int line = 0;  // where the value starts, for error messages
    int column = 0;

    bool is_null() const { return kind == Kind::Null; }
    bool is_bool() const { return kind == Kind::Bool; }
    bool is_number() const { return kind == Kind::Number; }
    bool is_string() const { return kind == Kind::String; }
    bool is_array() const { return kind == Kind::Array; }
    bool is_object() const { return kind == Kind::Object; }

    // Member lookup for objects; nullptr when absent or when this is not an object.
    const Value* find(std::string_view key) const;

    // Exact conversions of a Number; false when the literal is not an integer in range.
    bool as_int64(int64_t* out) const;
    bool as_uint64(uint64_t* out) const;
    // Any Number as a double.
    bool as_double(double* out) const;
};

// Parses a complete JSON document. On failure returns false and sets *error to a message with
// the line and column ("line 3, column 14: expected ':' after an object key").
bool parse(std::string_view text, Value* out, std::string* error);

// Name of a kind for error messages ("a string", "an object", ...).
const char* kind_name(Kind kind);

// Appends `s` as a JSON string literal (quoted, escaped). Invalid UTF-8 bytes become U+FFFD.
void append_string(std::string& out, std::string_view s);
// Appends a double so that it reads back exactly; non-finite values become null.
void append_double(std::string& out, double value);

}  // namespace json
}  // namespace swemu
