#pragma once
// The Merkle tree over the audit trail, in the database (storage/audit/tables.hpp): every event's
// leaf and the nodes it completes are inserted in the event's own transaction, and the head row
// keeps the tree's compact range, so a writer appends without reading the tree and a proof or
// root of any size reads O(log n) stored nodes in one query.

#include <soci/soci.h>

#include <cstddef>
#include <string>
#include <vector>

#include "crypto/merkle.hpp"
#include "domain/audit/entities.hpp"
#include "storage/audit/tables.hpp"

namespace tarjotin::storage {

audit_tables::Head read_audit_head(soci::session& sql);
crypto::CompactRange tree_range(const audit_tables::Head& head);

// Seals `recorded` under a fresh salt and inserts its leaf and the nodes the leaf completes;
// moves `head`'s tree on, for the caller to write back with the rest of the head.
void append_audit_leaf(soci::session& sql, audit_tables::Head& head,
                       const domain::RecordedEvent& recorded);

// Gives a leaf to every event recorded beyond the tree (those recorded before the tree existed,
// or by a replica still running a version without it) and writes the head. Returns how many.
long long extend_audit_tree(soci::session& sql);

std::string audit_tree_root(soci::session& sql, const audit_tables::Head& head, long long size);
std::vector<std::string> audit_inclusion_path(soci::session& sql, long long seq,
                                              long long tree_size);
std::vector<std::string> audit_consistency_path(soci::session& sql, long long first,
                                                long long second);

// At most `limit` events from `first_seq` on, each sealed under its leaf's salt: as they are
// stored now, so a row changed after its leaf was made no longer matches it.
std::vector<domain::SealedEvent> sealed_audit_events(soci::session& sql, long long first_seq,
                                                     std::size_t limit);

}  // namespace tarjotin::storage
