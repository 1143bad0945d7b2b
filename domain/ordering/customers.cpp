#include "domain/ordering/customers.hpp"

#include "domain/accounts/ports.hpp"
#include "domain/ordering/loading.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/ordering/rules.hpp"

namespace tarjotin::domain {

using namespace ordering_loading;

namespace {

// What the audit trail keeps of a customer: the facts that weigh in scorecards, never the
// reference.
std::string profile(const Customer& c) {
  return std::string(to_string(c.unemployment)) + "/" + std::string(to_string(c.age)) + " " +
         c.region;
}

Status reference_free(Transaction& tx, const Actor& actor, const std::string& reference) {
  if (tx.customers().find_by_reference(actor.organisation_id, reference))
    return Error::conflict("reference-taken",
                           "the unit already has a customer with this reference");
  return Done{};
}

}  // namespace

Result<CustomerView> create_customer(OrderingServices& s, const Actor& actor, CustomerInput in) {
  if (!actor.is(Role::coach)) return Error::forbidden("only coaches record customers");
  if (auto ok = check_customer(in); !ok) return ok.error();
  return transact<CustomerView>(s.db, Access::write, [&](Transaction& tx) -> Result<CustomerView> {
    if (auto ok = reference_free(tx, actor, in.reference); !ok) return ok.error();
    Customer c{s.secrets.new_id(),
               actor.organisation_id,
               in.reference,
               in.region,
               in.languages,
               in.unemployment,
               in.age,
               actor.user_id,
               now(s),
               now(s)};
    tx.customers().add(c);
    tx.audit().append(event(s, actor, "customer.created", "customer", c.id, "", ""));
    return CustomerView{c, {}};
  });
}

Result<CustomerView> edit_customer(OrderingServices& s, const Actor& actor,
                                   const std::string& customer_id, CustomerInput in) {
  if (auto ok = check_customer(in); !ok) return ok.error();
  return transact<CustomerView>(s.db, Access::write, [&](Transaction& tx) -> Result<CustomerView> {
    auto c = unit_customer(tx, actor, customer_id);
    if (!c) return c.error();
    if (in.reference != c->reference)
      if (auto ok = reference_free(tx, actor, in.reference); !ok) return ok.error();
    const std::string before = profile(*c);
    c->reference = in.reference;
    c->region = in.region;
    c->languages = in.languages;
    c->unemployment = in.unemployment;
    c->age = in.age;
    c->updated_at = now(s);
    tx.customers().update(*c);
    tx.audit().append(event(s, actor, "customer.edited", "customer", c->id, before, profile(*c)));
    return CustomerView{*c, tx.customers().consents(c->id)};
  });
}

Result<CustomerView> read_customer(OrderingServices& s, const Actor& actor,
                                   const std::string& customer_id) {
  return transact<CustomerView>(s.db, Access::read, [&](Transaction& tx) -> Result<CustomerView> {
    auto c = unit_customer(tx, actor, customer_id);
    if (!c) return c.error();
    return CustomerView{*c, tx.customers().consents(c->id)};
  });
}

Result<CustomerView> find_customer(OrderingServices& s, const Actor& actor,
                                   const std::string& reference) {
  if (!actor.is(Role::coach)) return Error::forbidden("only coaches look up customers");
  return transact<CustomerView>(s.db, Access::read, [&](Transaction& tx) -> Result<CustomerView> {
    auto c = tx.customers().find_by_reference(actor.organisation_id, reference);
    if (!c) return Error::not_found("customer");
    return CustomerView{*c, tx.customers().consents(c->id)};
  });
}

Result<Consent> give_consent(OrderingServices& s, const Actor& actor,
                             const std::string& customer_id, ConsentInput in) {
  return transact<Consent>(s.db, Access::write, [&](Transaction& tx) -> Result<Consent> {
    auto c = unit_customer(tx, actor, customer_id);
    if (!c) return c.error();
    auto provider = tx.organisations().find(in.provider_id);
    if (!provider || provider->kind != OrganisationKind::provider)
      return Error::invalid("/provider_id", "provider", "no provider has this id");
    for (const auto& existing : tx.customers().consents(c->id))
      if (existing.provider_id == in.provider_id && existing.scope == in.scope &&
          !existing.withdrawn_at)
        return existing;
    Consent consent{s.secrets.new_id(), c->id,        in.provider_id, in.scope, now(s),
                    std::nullopt,       actor.user_id};
    tx.customers().add_consent(consent);
    tx.audit().append(event(s, actor, "consent.given", "customer", c->id, "",
                            std::string(to_string(in.scope)) + " to " + in.provider_id));
    return consent;
  });
}

Result<Consent> withdraw_consent(OrderingServices& s, const Actor& actor,
                                 const std::string& customer_id, const std::string& consent_id) {
  return transact<Consent>(s.db, Access::write, [&](Transaction& tx) -> Result<Consent> {
    auto c = unit_customer(tx, actor, customer_id);
    if (!c) return c.error();
    for (auto consent : tx.customers().consents(c->id)) {
      if (consent.id != consent_id) continue;
      if (consent.withdrawn_at) return consent;
      consent.withdrawn_at = now(s);
      tx.customers().update_consent(consent);
      tx.audit().append(event(s, actor, "consent.withdrawn", "customer", c->id,
                              std::string(to_string(consent.scope)) + " to " + consent.provider_id,
                              "withdrawn"));
      return consent;
    }
    return Error::not_found("consent");
  });
}

}  // namespace tarjotin::domain
