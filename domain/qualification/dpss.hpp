#pragma once
// DPSs and their categories as the authority's officers set them up, with the criteria a
// provider must meet; the public reads them once published.

#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/qualification/entities.hpp"
#include "domain/qualification/services.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct DpsInput {
  std::string title;
  std::string description;
  std::string notice_reference;
  Date valid_from{};
  Date valid_until{};
};

struct CategoryInput {
  LocalisedText name;
  std::string description;
  std::vector<std::string> characteristics;
  std::vector<std::string> regions;
  std::vector<std::string> languages;
  PriceModel price;
  AwardMethod award_method = AwardMethod::customer_choice;
};

// A category as it is first made: its details and its first criteria.
struct NewCategory {
  CategoryInput details;
  std::vector<Criterion> criteria;
};

// A category's criteria as an officer sets them.
struct CriteriaInput {
  std::vector<Criterion> criteria;
};

struct CategoryView {
  Category category;
  std::vector<Criterion> criteria;  // the current version
};

// `actor` is null for anonymous callers of public reads.
Result<Dps> create_dps(QualificationServices& s, const Actor& actor, DpsInput input);
Result<Dps> edit_dps(QualificationServices& s, const Actor& actor, const std::string& dps_id,
                     DpsInput input);
Result<Dps> change_dps_state(QualificationServices& s, const Actor& actor,
                             const std::string& dps_id, DpsAct act);
Result<std::vector<Dps>> list_dpss(QualificationServices& s, const Actor* actor);
Result<Dps> read_dps(QualificationServices& s, const Actor* actor, const std::string& dps_id);

Result<CategoryView> create_category(QualificationServices& s, const Actor& actor,
                                     const std::string& dps_id, NewCategory input);
Result<CategoryView> edit_category(QualificationServices& s, const Actor& actor,
                                   const std::string& category_id, CategoryInput input);
// On a draft category the criteria are replaced; on an open one they become a new version, and
// applications keep being judged against the version they were submitted under.
Result<CategoryView> set_criteria(QualificationServices& s, const Actor& actor,
                                  const std::string& category_id, std::vector<Criterion> criteria);
Result<CategoryView> change_category_state(QualificationServices& s, const Actor& actor,
                                           const std::string& category_id, CategoryAct act);
Result<std::vector<Category>> list_categories(QualificationServices& s, const Actor* actor,
                                              const std::string& dps_id);
Result<CategoryView> read_category(QualificationServices& s, const Actor* actor,
                                   const std::string& category_id);

}  // namespace tarjotin::domain
