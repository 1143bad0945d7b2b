#pragma once
// What several ordering use cases load the same way, each with the access check that goes with
// it: what the actor may not see is "not found", exactly like what does not exist. Internal to
// domain/ordering.

#include <map>
#include <string>

#include "domain/audit/trail.hpp"
#include "domain/identity.hpp"
#include "domain/ordering/entities.hpp"
#include "domain/ordering/orders.hpp"
#include "domain/ordering/services.hpp"
#include "domain/ports.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain::ordering_loading {

inline Timestamp now(const OrderingServices& s) { return s.clock.now(); }
inline Date today(const OrderingServices& s) { return helsinki_date(s.clock.now()); }

AuditEvent event(const OrderingServices& s, const Actor& actor, std::string action,
                 std::string type, std::string id, std::string before, std::string after);

// The actor's own offering: only its provider edits it.
Result<Offering> own_offering(Transaction& tx, const Actor& actor, const std::string& id);

// Customers belong to the coaching unit that recorded them; no one else learns they exist.
Result<Customer> unit_customer(Transaction& tx, const Actor& actor, const std::string& id);

// Who reads an order, and so what they are shown of it.
enum class Party { coach, provider, overseer };
Party party_of(const Actor& actor);

struct OrderContext {
  Order order;
  Party party;
};

// The ordering unit's coaches, the provider, and those who oversee the DPS read an order.
Result<OrderContext> readable_order(Transaction& tx, const Actor& actor, const std::string& id);
// The same, and forbidden to a reader who is not `party`.
Result<OrderContext> order_of(Transaction& tx, const Actor& actor, const std::string& id,
                              Party party);
// The same for what follows a service: a conflict ("not-ended", saying `what`) until the
// service was delivered.
Result<OrderContext> delivered_order_of(Transaction& tx, const Actor& actor, const std::string& id,
                                        Party party, const char* what);

// Organisation and category names, each read once however many rows name it.
class Names {
 public:
  explicit Names(Transaction& tx) : tx_(tx) {}
  const std::string& organisation(const std::string& id);
  const LocalisedText& category(const std::string& id);
  // Reads the names of those of `ids` not yet read in one go, for a list that names many.
  void read_organisations(const std::vector<std::string>& ids);
  // A category the caller holds already.
  void know(const Category& category) { categories_.try_emplace(category.id, category.name); }

 private:
  Transaction& tx_;
  std::map<std::string, std::string> organisations_;
  std::map<std::string, LocalisedText> categories_;
};

// What `party` is shown beside the order's ids (see OrderNames).
OrderNames names_of(Transaction& tx, Names& names, const Order& order, Party party);
// The same with the order's customer read already (nullptr when none has its id).
OrderNames names_of(Names& names, const Order& order, Party party, const Customer* customer);

// The order with its names, closing report, outcomes, payable amount and feedback, as `party`
// may see them.
OrderView view_of(Transaction& tx, const Order& order, Party party);
// The same for an order placed in this very transaction, from what placing it read: nothing
// can have been written about it yet, so only the two organisations' names are read.
OrderView view_of_placed(Transaction& tx, const Order& order, const Category& category,
                         const Customer& customer);

}  // namespace tarjotin::domain::ordering_loading
