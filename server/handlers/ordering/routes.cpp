// Offerings, customers, choice sets, orders, outcomes, feedback, scorecards and reports over HTTP.
#include "domain/ordering/use_cases.hpp"
#include "server/api.hpp"
#include "server/handlers/json_fields.hpp"
#include "server/handlers/ordering/json.hpp"
#include "server/handlers/reply.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

using domain::Role;

// "?from=YYYY-MM-DD&to=YYYY-MM-DD", both Helsinki days and both included; by default the last
// twelve months up to today.
domain::Result<domain::Period> period_of(const Exchange& ex, const domain::Clock& clock) {
  const domain::Date today = domain::helsinki_date(clock.now());
  domain::Date from = today - std::chrono::days(365);
  domain::Date to = today;
  for (auto [name, day] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    const auto value = ex.query_param(name);
    if (!value) continue;
    const auto parsed = parse_date(*value);
    if (!parsed)
      return domain::Error::invalid(std::string("/") + name, "date", "not a calendar date");
    *day = *parsed;
  }
  return domain::Period{domain::helsinki_midnight(from),
                        domain::helsinki_midnight(to + std::chrono::days(1))};
}

bool wants_csv(const Exchange& ex) {
  if (ex.query_param("format") == "csv") return true;
  const auto accept = ex.request[http::field::accept];
  return std::string_view(accept.data(), accept.size()).find("text/csv") != std::string_view::npos;
}

void add_offering_routes(Router& router, domain::OrderingServices& o) {
  const Guard providers = Guard::only({Role::provider});
  router.add({http::verb::post, "/v1/categories/{category_id}/offerings", "createOffering",
              providers, "offering.request", [&o](Exchange& ex) {
                return answer_body<domain::OfferingInput>(ex, 201, [&](auto in) {
                  return domain::create_offering(o, ex.who(), ex.param("category_id"), in);
                });
              }});
  router.add({http::verb::get, "/v1/categories/{category_id}/offerings", "listOfferings",
              Guard::signed_in(), "", [&o](Exchange& ex) {
                return answer_list(domain::list_offerings(o, ex.who(), ex.param("category_id")),
                                   ex);
              }});
  router.add({http::verb::get, "/v1/offerings/{offering_id}", "readOffering", Guard::signed_in(),
              "", [&o](Exchange& ex) {
                return answer(domain::read_offering(o, ex.who(), ex.param("offering_id")), ex, 200);
              }});
  router.add({http::verb::put, "/v1/offerings/{offering_id}", "editOffering", providers,
              "offering.request", [&o](Exchange& ex) {
                return answer_body<domain::OfferingInput>(ex, 200, [&](auto in) {
                  return domain::edit_offering(o, ex.who(), ex.param("offering_id"), in);
                });
              }});
}

void add_customer_routes(Router& router, domain::OrderingServices& o) {
  const Guard coaches = Guard::only({Role::coach});
  router.add({http::verb::post, "/v1/customers", "createCustomer", coaches, "customer.request",
              [&o](Exchange& ex) {
                return answer(domain::create_customer(o, ex.who(), read_customer_input(ex.body)),
                              ex, 201, write_customer);
              }});
  router.add({http::verb::get, "/v1/customers", "findCustomer", coaches, "", [&o](Exchange& ex) {
                const auto reference = ex.query_param("reference");
                if (!reference || reference->empty())
                  return refused(domain::Error::invalid("/reference", "required",
                                                        "look a customer up by ?reference="),
                                 ex);
                return answer(domain::find_customer(o, ex.who(), *reference), ex, 200,
                              write_customer);
              }});
  router.add({http::verb::get, "/v1/customers/{customer_id}", "readCustomer", coaches, "",
              [&o](Exchange& ex) {
                return answer(domain::read_customer(o, ex.who(), ex.param("customer_id")), ex, 200,
                              write_customer);
              }});
  router.add({http::verb::put, "/v1/customers/{customer_id}", "editCustomer", coaches,
              "customer.request", [&o](Exchange& ex) {
                return answer(domain::edit_customer(o, ex.who(), ex.param("customer_id"),
                                                    read_customer_input(ex.body)),
                              ex, 200, write_customer);
              }});
  router.add({http::verb::post, "/v1/customers/{customer_id}/consents", "giveConsent", coaches,
              "consent.request", [&o](Exchange& ex) {
                const auto scope = domain::parse_consent_scope(text(ex.body, "scope"));
                return answer(domain::give_consent(o, ex.who(), ex.param("customer_id"),
                                                   text(ex.body, "provider_id"), *scope),
                              ex, 201, write_consent);
              }});
  router.add({http::verb::post, "/v1/customers/{customer_id}/consents/{consent_id}/withdrawal",
              "withdrawConsent", coaches, "", [&o](Exchange& ex) {
                return answer(domain::withdraw_consent(o, ex.who(), ex.param("customer_id"),
                                                       ex.param("consent_id")),
                              ex, 200, write_consent);
              }});
}

void add_order_routes(Router& router, domain::OrderingServices& o) {
  const Guard coaches = Guard::only({Role::coach});
  router.add({http::verb::post, "/v1/choice-sets", "makeChoiceSet", coaches, "choice-set.request",
              [&o](Exchange& ex) {
                std::optional<domain::Date> start_by;
                if (ex.body.HasMember("start_by")) {
                  auto d = date_member(ex.body, "start_by", "/start_by");
                  if (!d) return refused(d.error(), ex);
                  start_by = *d;
                }
                return answer(domain::make_choice_set(o, ex.who(), text(ex.body, "category_id"),
                                                      text(ex.body, "customer_id"), start_by),
                              ex, 201, write_choice_set);
              }});
  router.add({http::verb::get, "/v1/choice-sets/{choice_set_id}", "readChoiceSet",
              Guard::only({Role::coach, Role::officer, Role::auditor, Role::admin}), "",
              [&o](Exchange& ex) {
                return answer(domain::read_choice_set(o, ex.who(), ex.param("choice_set_id")), ex,
                              200, write_choice_set);
              }});
  router.add(
      {http::verb::post, "/v1/orders", "placeOrder", coaches, "order.request", [&o](Exchange& ex) {
         domain::OrderInput in;
         in.choice_set_id = text(ex.body, "choice_set_id");
         in.offering_id = text(ex.body, "offering_id");
         in.chosen_by_customer = boolean(ex.body, "chosen_by_customer").value_or(true);
         in.choice_reason = text(ex.body, "choice_reason");
         const auto key = ex.request["Idempotency-Key"];
         in.idempotency_key.assign(key.data(), key.size());
         for (char c : in.idempotency_key)
           if (c < 0x21 || c > 0x7e)
             return refused(domain::Error::invalid("/Idempotency-Key", "pattern",
                                                   "an idempotency key is visible ASCII"),
                            ex);
         auto placed = domain::place_order(o, ex.who(), std::move(in));
         if (!placed) return refused(placed.error(), ex);
         Reply reply = written(201, [&](JsonWriter& w) { write_order(w, placed->view); });
         reply.headers.emplace_back("Location", "/v1/orders/" + placed->view.order.id);
         if (placed->replayed) reply.headers.emplace_back("Idempotent-Replayed", "true");
         return reply;
       }});
  router.add(
      {http::verb::get, "/v1/orders", "listOrders", Guard::signed_in(), "", [&o](Exchange& ex) {
         domain::OrderQuery q;
         q.dps_id = ex.query_param("dps_id").value_or("");
         q.category_id = ex.query_param("category_id").value_or("");
         q.provider_id = ex.query_param("provider_id").value_or("");
         q.customer_id = ex.query_param("customer_id").value_or("");
         if (const auto state = ex.query_param("state")) {
           q.state = domain::parse_order_state(*state);
           if (!q.state)
             return refused(domain::Error::invalid("/state", "enum", "not an order state"), ex);
         }
         if (const auto since = ex.query_param("updated_since")) {
           q.updated_since = parse_timestamp(*since);
           if (!q.updated_since)
             return refused(domain::Error::invalid("/updated_since", "date-time",
                                                   "not an RFC 3339 date and time"),
                            ex);
         }
         const auto page = page_params(ex);
         if (!page) return refused(page.error(), ex);
         const auto after = order_cursor_of(*page);
         if (!after) return refused(after.error(), ex);
         q.after = *after;
         q.limit = page->limit;
         return answer_page(domain::list_orders(o, ex.who(), q), ex, write_order_summary);
       }});
  router.add({http::verb::get, "/v1/orders/{order_id}", "readOrder", Guard::signed_in(), "",
              [&o](Exchange& ex) {
                return answer(domain::read_order(o, ex.who(), ex.param("order_id")), ex, 200,
                              write_order);
              }});
  router.add(
      {http::verb::post, "/v1/orders/{order_id}/transitions", "changeOrder",
       Guard::only({Role::coach, Role::provider}), "order-transition.request", [&o](Exchange& ex) {
         const auto act = domain::parse_order_act(text(ex.body, "act"));
         return answer(
             domain::change_order(o, ex.who(), ex.param("order_id"), *act, text(ex.body, "reason")),
             ex, 200, write_order);
       }});
  router.add({http::verb::put, "/v1/orders/{order_id}/closing-report", "writeClosingReport",
              Guard::only({Role::provider}), "closing-report.request", [&o](Exchange& ex) {
                return answer(domain::write_closing_report(o, ex.who(), ex.param("order_id"),
                                                           read_closing_report_input(ex.body)),
                              ex, 200, write_closing_report);
              }});
  router.add(
      {http::verb::get, "/v1/orders/{order_id}/earlier-closing-reports", "earlierClosingReports",
       Guard::only({Role::coach, Role::provider}), "", [&o](Exchange& ex) {
         return answer_list(domain::earlier_closing_reports(o, ex.who(), ex.param("order_id")), ex,
                            write_closing_report);
       }});
  router.add({http::verb::get, "/v1/orders/{order_id}/earlier-outcomes", "earlierOutcomes",
              Guard::only({Role::coach, Role::provider}), "", [&o](Exchange& ex) {
                return answer_list(domain::earlier_outcomes(o, ex.who(), ex.param("order_id")), ex,
                                   write_outcome);
              }});
  router.add({http::verb::post, "/v1/orders/{order_id}/outcomes", "recordOutcome",
              Guard::only({Role::coach, Role::provider}), "outcome.request", [&o](Exchange& ex) {
                const auto type = domain::parse_outcome_type(text(ex.body, "type"));
                auto date = date_member(ex.body, "date", "/date");
                if (!date) return refused(date.error(), ex);
                return answer(domain::record_outcome(o, ex.who(), ex.param("order_id"), *type,
                                                     *date, text(ex.body, "note")),
                              ex, 201, write_outcome);
              }});
}

void add_feedback_routes(Router& router, domain::OrderingServices& o) {
  router.add({http::verb::post, "/v1/orders/{order_id}/feedback-link", "issueFeedbackLink",
              Guard::only({Role::coach}), "", [&o](Exchange& ex) {
                return answer(domain::issue_feedback_link(o, ex.who(), ex.param("order_id")), ex,
                              201, [](JsonWriter& w, const domain::FeedbackLink& link) {
                                w.StartObject();
                                write_field(w, "token", link.token);
                                write_field(w, "path", "/v1/feedback/" + link.token);
                                write_field(w, "expires_at", format_timestamp(link.expires_at));
                                w.EndObject();
                              });
              }});
  router.add({http::verb::post, "/v1/orders/{order_id}/coach-rating", "rateProvider",
              Guard::only({Role::coach}), "rating.request", [&o](Exchange& ex) {
                return answer(
                    domain::rate_provider(o, ex.who(), ex.param("order_id"),
                                          static_cast<int>(integer(ex.body, "score").value_or(-1)),
                                          text(ex.body, "comment")),
                    ex, 201, write_feedback);
              }});
  // The customer has no account: the one-time token in the path is the only credential.
  router.add({http::verb::get, "/v1/feedback/{token}", "readFeedbackForm", Guard::open(), "",
              [&o](Exchange& ex) {
                return answer(domain::read_feedback_form(o, ex.param("token")), ex, 200,
                              [](JsonWriter& w, const domain::FeedbackForm& f) {
                                w.StartObject();
                                write_field(w, "provider_name", f.provider_name);
                                write_localised(w, "service", f.service);
                                w.Key("answered");
                                w.Bool(f.answered);
                                write_field(w, "expires_at", format_timestamp(f.expires_at));
                                w.EndObject();
                              });
              }});
  router.add({http::verb::post, "/v1/feedback/{token}", "giveFeedback", Guard::open(),
              "feedback.request", [&o](Exchange& ex) {
                auto done = domain::give_feedback(
                    o, ex.param("token"), static_cast<int>(integer(ex.body, "score").value_or(-1)),
                    text(ex.body, "comment"), text(ex.body, "language"));
                return answer(done, ex, 201, [](JsonWriter& w, const domain::Done&) {
                  w.StartObject();
                  write_field(w, "state", "received");
                  w.EndObject();
                });
              }});
  router.add({http::verb::get, "/v1/providers/{provider_id}/feedback", "providerFeedback",
              Guard::signed_in(), "", [&o](Exchange& ex) {
                return answer_list(domain::provider_feedback(o, ex.who(), ex.param("provider_id")),
                                   ex, write_feedback);
              }});
}

void add_report_routes(Router& router, domain::OrderingServices& o) {
  router.add({http::verb::get, "/v1/categories/{category_id}/scorecards", "categoryScorecards",
              Guard::signed_in(), "", [&o](Exchange& ex) {
                auto period = period_of(ex, o.clock);
                if (!period) return refused(period.error(), ex);
                return answer_list(
                    domain::category_scorecards(o, ex.who(), ex.param("category_id"), *period), ex,
                    write_scorecard);
              }});
  router.add({http::verb::get, "/v1/dps/{dps_id}/spend", "spendReport",
              Guard::only({Role::officer, Role::auditor, Role::admin}), "", [&o](Exchange& ex) {
                auto period = period_of(ex, o.clock);
                if (!period) return refused(period.error(), ex);
                auto rows = domain::spend_report(o, ex.who(), ex.param("dps_id"), *period);
                if (rows && wants_csv(ex)) {
                  Reply r;
                  r.body = spend_csv(*rows);
                  r.content_type = "text/csv; charset=utf-8";
                  r.headers.emplace_back("Content-Disposition",
                                         "attachment; filename=\"spend.csv\"");
                  return r;
                }
                return answer_list(rows, ex, write_spend_row);
              }});
  router.add({http::verb::get, "/v1/dps/{dps_id}/payables", "listPayables",
              Guard::only({Role::officer, Role::auditor, Role::admin, Role::provider}), "",
              [&o](Exchange& ex) {
                auto period = period_of(ex, o.clock);
                if (!period) return refused(period.error(), ex);
                return answer_list(
                    domain::payables(o, ex.who(), ex.param("dps_id"),
                                     ex.query_param("provider_id").value_or(""), *period),
                    ex, write_payable);
              }});
}

}  // namespace

void add_ordering_routes(Router& router, Services& s) {
  add_offering_routes(router, s.ordering);
  add_customer_routes(router, s.ordering);
  add_order_routes(router, s.ordering);
  add_feedback_routes(router, s.ordering);
  add_report_routes(router, s.ordering);
}

}  // namespace tarjotin::server
