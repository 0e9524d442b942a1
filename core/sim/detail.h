#pragma once
// What a node's card says about it, as data: message ids with arguments, never prose. An id is the
// English shape with %1, %2 ... placeholders ("follows %1, token %2"), a string literal that is a
// stable key: the UI translates it (tr, context "ProtocolDetail") and fills in the arguments, and
// the core renders it in English for the CLI and the transcripts. Node arguments are ids, so the
// card shows the scenario's own node names.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/ids.h"

namespace cs::sim {

struct DetailArg {
  enum class Kind : std::uint8_t { Integer, Decimal, Node, Text };
  Kind kind = Kind::Integer;
  std::int64_t integer = 0;   // Integer; Node: the endpoint id
  double decimal = 0;         // Decimal
  std::uint8_t decimals = 0;  // Decimal: digits after the point
  std::string text;           // Text: a name from the scenario or the model, shown as it is

  static DetailArg number(std::int64_t value) { return {Kind::Integer, value, 0, 0, {}}; }
  static DetailArg fixed(double value, int decimals) {
    return {Kind::Decimal, 0, value, static_cast<std::uint8_t>(decimals), {}};
  }
  static DetailArg node(EndpointId id) { return {Kind::Node, static_cast<std::int64_t>(id), 0, 0, {}}; }
  static DetailArg words(std::string text) { return {Kind::Text, 0, 0, 0, std::move(text)}; }
  bool operator==(const DetailArg&) const = default;
};

struct DetailPart {
  const char* id = "";  // a string literal: the English shape
  std::vector<DetailArg> args;
  bool operator==(const DetailPart& other) const;
};

struct Detail {
  std::string label;              // a prefix from the scenario ("bookings DB"), shown as written
  std::vector<DetailPart> parts;  // shown one after the other, separated by ", "

  bool empty() const { return parts.empty(); }
  Detail& add(const char* id, std::vector<DetailArg> args = {}) {
    parts.push_back({id, std::move(args)});
    return *this;
  }
  bool operator==(const Detail&) const = default;
};

// "bookings DB: follows n2, token 3". Node names come from `node_names` ("n<id+1>" past its end).
std::string render_english(const Detail& detail, const std::vector<std::string>& node_names);

}  // namespace cs::sim
