#pragma once
// Documents a provider attaches to an application (tax certificates, insurance policies, staff
// qualifications). Their bytes are kept by SHA-256 in a DocumentStore, in the same transaction as
// the record of who attached what, when, to which application.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace tarjotin::domain {

enum class MediaType { pdf, png, jpeg };

std::string_view to_string(MediaType t);  // "application/pdf", ...
std::optional<MediaType> parse_media_type(std::string_view content_type);
// What the bytes really are, by their signature; nullopt for anything not accepted.
std::optional<MediaType> sniff_media_type(std::string_view bytes);
// A file name safe to show and to send back in Content-Disposition: no path, no control or
// quote characters, at most 200 bytes; "document" when nothing is left.
std::string safe_filename(std::string_view name);

struct Attachment {
  std::string id;
  std::string application_id;
  std::string provider_id;
  std::string filename;
  MediaType media_type = MediaType::pdf;
  long long size_bytes = 0;
  std::string sha256;
  std::string uploaded_by;
  Timestamp uploaded_at{};
};

class AttachmentRepository {
 public:
  virtual ~AttachmentRepository() = default;
  virtual void add(const Attachment& attachment) = 0;
  virtual std::optional<Attachment> find(const std::string& id) = 0;
  virtual std::vector<Attachment> list_for_application(const std::string& application_id) = 0;
};

// Content-addressed bytes, part of the transaction (Transaction::documents()): an attachment row
// and the bytes it names are committed together. Identical content is kept once.
class DocumentStore {
 public:
  virtual ~DocumentStore() = default;
  virtual std::string put(std::string_view bytes) = 0;  // returns the SHA-256 (hex)
  virtual std::optional<std::string> get(const std::string& sha256) = 0;
};

}  // namespace tarjotin::domain
