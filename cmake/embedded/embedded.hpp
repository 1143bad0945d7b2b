#pragma once
#include <span>
#include <string_view>

namespace tarjotin::embedded {

struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};

std::span<const EmbeddedFile> migrations();
std::span<const EmbeddedFile> schemas();
std::span<const EmbeddedFile> common_passwords();

}  // namespace tarjotin::embedded
