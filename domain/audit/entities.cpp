#include "domain/audit/entities.hpp"

namespace tarjotin::domain {

std::string_view to_string(EventField field) {
  switch (field) {
    case EventField::at:
      return "at";
    case EventField::actor_user_id:
      return "actor_user_id";
    case EventField::actor_organisation_id:
      return "actor_organisation_id";
    case EventField::action:
      return "action";
    case EventField::object_type:
      return "object_type";
    case EventField::object_id:
      return "object_id";
    case EventField::before:
      return "before";
    case EventField::after:
      return "after";
  }
  return "";
}

std::string field_text(const AuditEvent& event, EventField field) {
  switch (field) {
    case EventField::at:
      return std::to_string(to_micros(event.at));
    case EventField::actor_user_id:
      return event.actor_user_id;
    case EventField::actor_organisation_id:
      return event.actor_organisation_id;
    case EventField::action:
      return event.action;
    case EventField::object_type:
      return event.object_type;
    case EventField::object_id:
      return event.object_id;
    case EventField::before:
      return event.before;
    case EventField::after:
      return event.after;
  }
  return "";
}

}  // namespace tarjotin::domain
