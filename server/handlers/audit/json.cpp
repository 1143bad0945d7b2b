#include "server/handlers/audit/json.hpp"

#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

void write_hashes(JsonWriter& w, const char* key, const std::vector<std::string>& hashes) {
  w.Key(key);
  w.StartArray();
  for (const auto& h : hashes) write_string(w, h);
  w.EndArray();
}

// The seals of the fields that are (or are not) shown, by field name.
void write_seals(JsonWriter& w, const char* key, const domain::PublishedEvent& e, bool shown) {
  w.Key(key);
  w.StartObject();
  for (const auto field : domain::kAllEventFields) {
    if (e.is_shown(field) != shown) continue;
    const auto& seal = e.sealed.fields[static_cast<std::size_t>(field)];
    write_field(w, domain::to_string(field), shown ? seal.salt : seal.commitment);
  }
  w.EndObject();
}

}  // namespace

void write_json(JsonWriter& w, const domain::PublishedEvent& e) {
  const auto& event = e.sealed.recorded.event;
  w.StartObject();
  w.Key("seq");
  w.Int64(e.sealed.recorded.seq);
  for (const auto field : domain::kAllEventFields) {
    if (!e.is_shown(field)) continue;
    write_field(w, domain::to_string(field),
                field == domain::EventField::at ? format_timestamp(event.at)
                                                : domain::field_text(event, field));
  }
  write_seals(w, "salts", e, true);
  write_seals(w, "commitments", e, false);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::SignedTreeHead& head) {
  w.StartObject();
  w.Key("tree_size");
  w.Int64(head.tree_size);
  write_field(w, "root_hash", head.root_hash);
  write_field(w, "signed_at", format_timestamp(head.signed_at));
  write_field(w, "key_id", head.key_id);
  write_field(w, "signature", head.signature);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::InclusionProof& proof) {
  w.StartObject();
  w.Key("seq");
  w.Int64(proof.seq);
  w.Key("leaf_index");
  w.Int64(proof.seq - 1);
  w.Key("tree_size");
  w.Int64(proof.tree_size);
  write_hashes(w, "path", proof.path);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::ConsistencyProof& proof) {
  w.StartObject();
  w.Key("first");
  w.Int64(proof.first);
  w.Key("second");
  w.Int64(proof.second);
  write_hashes(w, "path", proof.path);
  w.EndObject();
}

void write_json(JsonWriter& w, const domain::LogPublicKey& key) {
  w.StartObject();
  write_field(w, "algorithm", "Ed25519");
  write_field(w, "key_id", key.key_id);
  write_field(w, "public_key", key.public_key);
  write_field(w, "pem", key.pem);
  w.EndObject();
}

}  // namespace tarjotin::server
