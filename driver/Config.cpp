//===- Config.cpp - schemac.toml: discovery and loading -------------------===//

#include "driver/Config.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <fmt/format.h>
#include <toml++/toml.h>

using namespace schemac;
using namespace schemac::driver;

std::optional<std::string> driver::findConfigFile() {
  llvm::SmallString<256> dir;
  if (llvm::sys::fs::current_path(dir))
    return std::nullopt;
  std::string prefix;
  while (true) {
    llvm::SmallString<256> candidate(dir);
    llvm::sys::path::append(candidate, "schemac.toml");
    if (llvm::sys::fs::is_regular_file(candidate))
      return prefix + "schemac.toml";
    llvm::StringRef parent = llvm::sys::path::parent_path(dir);
    if (parent.empty() || parent == dir)
      return std::nullopt;
    dir = parent;
    prefix += "../";
  }
}

namespace {
/// Turns toml++ positions into SourceRanges of the config buffer.
class ConfigReader {
public:
  ConfigReader(FileID file, llvm::StringRef path, DiagnosticEngine &diags)
      : file(file), dir(llvm::sys::path::parent_path(path)), diags(diags) {}

  bool read(const toml::table &root, Config &config) {
    for (auto &&[key, node] : root) {
      llvm::StringRef name(key.str().data(), key.str().size());
      if (name == "dialect")
        readDialect(node, config);
      else if (name == "schema")
        readSchemaPaths(node, config);
      else if (name == "out")
        readPath(node, "out", config.outDir);
      else if (name == "database")
        readDatabase(node, config);
      else
        unknownKey(key, "");
    }
    return ok;
  }

  void error(DiagID id, const toml::source_region &where, std::string msg) {
    diags.report(id, toRange(where), std::move(msg));
    ok = false;
  }

  SourceRange toRange(const toml::source_region &where) {
    return {file, toOffset(where.begin), toOffset(where.end)};
  }

private:
  /// toml++ columns count code points from 1.
  uint32_t toOffset(const toml::source_position &pos) {
    llvm::StringRef text = diags.getSourceManager().getBuffer(file);
    size_t offset = 0;
    for (unsigned line = 1; line < pos.line && offset < text.size(); ++line) {
      size_t nl = text.find('\n', offset);
      offset = nl == llvm::StringRef::npos ? text.size() : nl + 1;
    }
    for (unsigned col = 1; col < pos.column && offset < text.size(); ++col) {
      ++offset;
      while (offset < text.size() &&
             (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
        ++offset;
    }
    return static_cast<uint32_t>(offset);
  }

  std::string joinPath(llvm::StringRef p) {
    if (dir.empty() || llvm::sys::path::is_absolute(p))
      return p.str();
    llvm::SmallString<256> joined(dir);
    llvm::sys::path::append(joined, p);
    return std::string(joined);
  }

  void unknownKey(const toml::key &key, llvm::StringRef table) {
    std::string name = table.empty()
                           ? std::string(key.str())
                           : fmt::format("{}.{}", table.str(), key.str());
    error(DiagID::ConfigError, key.source(),
          fmt::format("unknown key '{}' in schemac.toml", name));
  }

  const toml::value<std::string> *expectString(const toml::node &node,
                                               llvm::StringRef key) {
    if (const auto *s = node.as_string())
      return s;
    error(DiagID::ConfigError, node.source(),
          fmt::format("'{}' must be a string", key.str()));
    return nullptr;
  }

  void readDialect(const toml::node &node, Config &config) {
    const auto *s = expectString(node, "dialect");
    if (!s)
      return;
    if (auto d = ir::parseDialect(s->get()))
      config.dialect = d;
    else
      error(DiagID::UnknownDialect, node.source(),
            fmt::format("unknown dialect '{}' (expected postgresql, mysql or "
                        "sqlite)",
                        s->get()));
  }

  void readPath(const toml::node &node, llvm::StringRef key, std::string &out) {
    if (const auto *s = expectString(node, key))
      out = joinPath(s->get());
  }

  void readSchemaPaths(const toml::node &node, Config &config) {
    if (const auto *s = node.as_string()) {
      config.schemaPaths.push_back(joinPath(s->get()));
      return;
    }
    const auto *arr = node.as_array();
    if (!arr) {
      error(DiagID::ConfigError, node.source(),
            "'schema' must be a string or an array of strings");
      return;
    }
    for (const toml::node &elem : *arr) {
      if (const auto *s = expectString(elem, "schema"))
        config.schemaPaths.push_back(joinPath(s->get()));
    }
  }

  void readDatabase(const toml::node &node, Config &config) {
    const auto *table = node.as_table();
    if (!table) {
      error(DiagID::ConfigError, node.source(), "'database' must be a table");
      return;
    }
    for (auto &&[key, value] : *table) {
      if (key.str() == "url_env") {
        if (const auto *s = expectString(value, "database.url_env"))
          config.databaseURLEnv = s->get();
      } else {
        unknownKey(key, "database");
      }
    }
  }

  FileID file;
  llvm::StringRef dir;
  DiagnosticEngine &diags;
  bool ok = true;
};
} // namespace

bool driver::loadConfig(FileID file, llvm::StringRef path, Config &config,
                        DiagnosticEngine &diags) {
  config.path = path.str();
  ConfigReader reader(file, path, diags);
  llvm::StringRef text = diags.getSourceManager().getBuffer(file);
  toml::table root;
  try {
    root = toml::parse(std::string_view(text.data(), text.size()),
                       std::string_view(path.data(), path.size()));
  } catch (const toml::parse_error &e) {
    reader.error(DiagID::ConfigError, e.source(),
                 fmt::format("invalid TOML: {}", e.description()));
    return false;
  }
  return reader.read(root, config);
}
