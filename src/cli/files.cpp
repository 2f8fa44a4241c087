#include "files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace tandem::cli {

Expected<std::string> read_file(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Error{path, std::string("cannot open: ") + std::strerror(errno)};
  const std::streamoff size = in.tellg();
  if (size < 0) return Error{path, "cannot read (is it a directory?)"};
  if (static_cast<uint64_t>(size) > max_bytes)
    return Error{path, "file is " + std::to_string(size) + " bytes, over the limit of " +
                           std::to_string(max_bytes)};
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return Error{path, "read failed"};
  return bytes;
}

Expected<bool> write_file(const std::string& path, const std::string& bytes) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Error{path, std::string("cannot write: ") + std::strerror(errno)};
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return Error{path, "write failed (disk full?)"};
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return Error{path, std::string("cannot replace: ") + std::strerror(errno)};
  }
  return true;
}

}  // namespace tandem::cli
