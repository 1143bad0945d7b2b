#pragma once
// The accounts tables, each column declared once (storage/table.hpp).

#include "domain/accounts/pending_sign_ins.hpp"
#include "domain/accounts/ports.hpp"
#include "domain/identity.hpp"
#include "storage/table.hpp"

namespace tarjotin::storage::accounts_tables {

using namespace domain;

// Organisations without a business ID (authorities, coaching units) keep NULL there, so the
// unique index over (country, business_id) holds only among companies.
inline const Table<Organisation> kOrganisations{
    "organisations",
    1,
    column("id", &Organisation::id),
    column<Parsed<OrganisationKind, parse_organisation_kind>>("kind", &Organisation::kind),
    column("name", &Organisation::name),
    column("country", &Organisation::country),
    column<NullIfEmpty>("business_id", &Organisation::business_id),
    column("created_at", &Organisation::created_at)};

inline const Table<User> kUsers{
    "users",
    1,
    column("id", &User::id),
    column("organisation_id", &User::organisation_id),
    column("email", &User::email),
    column("display_name", &User::display_name),
    column<Parsed<Role, parse_role>>("role", &User::role),
    column("password_hash", &User::password_hash),
    column("active", &User::active),
    column("created_at", &User::created_at),
    column("password_change_required", &User::password_change_required)};

inline const Table<SessionRecord> kSessions{"sessions",
                                            1,
                                            column("token_hash", &SessionRecord::token_hash),
                                            column("user_id", &SessionRecord::user_id),
                                            column("created_at", &SessionRecord::created_at),
                                            column("expires_at", &SessionRecord::expires_at),
                                            column("revoked_at", &SessionRecord::revoked_at)};

inline const Table<PendingSignIn> kPendingSignIns{
    "pending_sign_ins",
    1,
    column("state_hash", &PendingSignIn::state_hash),
    column("identity_provider_id", &PendingSignIn::identity_provider_id),
    column("nonce", &PendingSignIn::nonce),
    column("code_verifier", &PendingSignIn::code_verifier),
    column("redirect_uri", &PendingSignIn::redirect_uri),
    column("language", &PendingSignIn::language),
    column("created_at", &PendingSignIn::created_at),
    column("expires_at", &PendingSignIn::expires_at)};

}  // namespace tarjotin::storage::accounts_tables
