#include "domain/access.hpp"

#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {

Result<CategoryContext> visible_category(Transaction& tx, const Actor* actor,
                                         const std::string& category_id) {
  auto category = tx.categories().find(category_id);
  auto dps = category ? tx.dpss().find(category->dps_id) : std::nullopt;
  if (!category || !dps || !sees(actor, *category, *dps)) return Error::not_found("category");
  return CategoryContext{std::move(*category), std::move(*dps)};
}

}  // namespace tarjotin::domain
