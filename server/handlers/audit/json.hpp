#pragma once
// JSON of the verifiable audit log: events as a reader sees them, checkpoints, proofs and the
// log's public key. Hashes, salts, keys and signatures are lower-case hex.

#include "domain/audit/log.hpp"
#include "server/json.hpp"

namespace tarjotin::server {

// {"seq", then each shown field by name ("at" in RFC 3339, microseconds), "salts": the salt
// that opens each shown field's commitment, "commitments": each withheld field's}.
void write_json(JsonWriter& w, const domain::PublishedEvent& e);
void write_json(JsonWriter& w, const domain::SignedTreeHead& head);
void write_json(JsonWriter& w, const domain::InclusionProof& proof);
void write_json(JsonWriter& w, const domain::ConsistencyProof& proof);
void write_json(JsonWriter& w, const domain::LogPublicKey& key);

}  // namespace tarjotin::server
