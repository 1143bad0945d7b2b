// Offerings, customers, choice sets, orders, outcomes, feedback, scorecards and reports over HTTP:
// each route one use case, its body read and its answer written by type
// (server/handlers/ordering/json.hpp), what it reads from the query string or a header read by a
// function of its own below.
#include "server/api.hpp"
#include "server/entity_tags.hpp"
#include "server/handlers/ordering/json.hpp"
#include "server/handlers/reply.hpp"
#include "server/time_format.hpp"

namespace tarjotin::server {
namespace {

using domain::Role;

// Runs `then` on what was read from the request, or refuses the request with why it could not be.
template <class T, class Then>
Reply given(const domain::Result<T>& read, const Exchange& ex, Then&& then) {
  if (!read) return refused(read.error(), ex);
  return then(*read);
}

template <class Input>
domain::Result<Input> body_of(const Exchange& ex) {
  Input in{};
  if (auto read = read_json(JsonBody{ex.body}, in); !read) return read.error();
  return in;
}

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

domain::Result<std::string> reference_of(const Exchange& ex) {
  const auto reference = ex.query_param("reference");
  if (!reference || reference->empty())
    return domain::Error::invalid("/reference", "required", "look a customer up by ?reference=");
  return *reference;
}

// "?dps_id=&category_id=&provider_id=&customer_id=&state=&updated_since=&limit=&after=".
domain::Result<domain::OrderQuery> order_query_of(const Exchange& ex) {
  domain::OrderQuery q;
  q.dps_id = ex.query_param("dps_id").value_or("");
  q.category_id = ex.query_param("category_id").value_or("");
  q.provider_id = ex.query_param("provider_id").value_or("");
  q.customer_id = ex.query_param("customer_id").value_or("");
  if (const auto state = ex.query_param("state")) {
    q.state = domain::parse_order_state(*state);
    if (!q.state) return domain::Error::invalid("/state", "enum", "not an order state");
  }
  if (const auto since = ex.query_param("updated_since")) {
    q.updated_since = parse_timestamp(*since);
    if (!q.updated_since)
      return domain::Error::invalid("/updated_since", "date-time", "not an RFC 3339 date and time");
  }
  const auto page = page_params(ex);
  if (!page) return page.error();
  const auto after = order_cursor_of(*page);
  if (!after) return after.error();
  q.after = *after;
  q.limit = page->limit;
  return q;
}

// The order the body asks for, under the request's Idempotency-Key (the use case checks it).
domain::Result<domain::OrderInput> order_input_of(const Exchange& ex) {
  auto in = body_of<domain::OrderInput>(ex);
  if (!in) return in;
  const auto key = ex.request["Idempotency-Key"];
  in->idempotency_key.assign(key.data(), key.size());
  return in;
}

// 201 with where the order is, and whether an earlier request with the same key made it.
Reply placed(const domain::Result<domain::PlacedOrder>& result, const Exchange& ex) {
  Reply reply = answer(result, ex, 201);
  if (!result) return reply;
  reply.headers.emplace_back("Location", "/v1/orders/" + result->view.order.id);
  if (result->replayed) reply.headers.emplace_back("Idempotent-Replayed", "true");
  return reply;
}

// The offering with its version as a strong entity tag, for the next edit's If-Match.
Reply tagged(const domain::Result<domain::Offering>& result, const Exchange& ex, unsigned status) {
  Reply reply = answer(result, ex, status);
  if (result) reply.headers.emplace_back("ETag", entity_tag(result->version));
  return reply;
}

domain::MadeFrom made_from(const Exchange& ex) {
  const auto value = ex.request[http::field::if_match];
  return if_match_versions(std::string_view(value.data(), value.size()));
}

bool wants_csv(const Exchange& ex) {
  if (ex.query_param("format") == "csv") return true;
  const auto accept = ex.request[http::field::accept];
  return std::string_view(accept.data(), accept.size()).find("text/csv") != std::string_view::npos;
}

// The spend report as JSON, or as a spreadsheet's CSV file when the caller asks for one.
Reply spend(const domain::Result<std::vector<domain::SpendRow>>& rows, const Exchange& ex) {
  if (!rows || !wants_csv(ex)) return answer_list(rows, ex);
  Reply r;
  r.body = spend_csv(*rows);
  r.content_type = "text/csv; charset=utf-8";
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"spend.csv\"");
  return r;
}

void add_offering_routes(Router& router, domain::OrderingServices& o) {
  const Guard providers = Guard::only({Role::provider});
  router.add({http::verb::post, "/v1/categories/{category_id}/offerings", "createOffering",
              providers, "offering.request", [&o](Exchange& ex) {
                return given(body_of<domain::OfferingInput>(ex), ex, [&](auto in) {
                  return tagged(domain::create_offering(o, ex.who(), ex.param("category_id"), in),
                                ex, 201);
                });
              }});
  router.add({http::verb::get, "/v1/categories/{category_id}/offerings", "listOfferings",
              Guard::signed_in(), "", [&o](Exchange& ex) {
                return answer_list(domain::list_offerings(o, ex.who(), ex.param("category_id")),
                                   ex);
              }});
  router.add({http::verb::get, "/v1/offerings/{offering_id}", "readOffering", Guard::signed_in(),
              "", [&o](Exchange& ex) {
                return tagged(domain::read_offering(o, ex.who(), ex.param("offering_id")), ex, 200);
              }});
  router.add({http::verb::put, "/v1/offerings/{offering_id}", "editOffering", providers,
              "offering.request", [&o](Exchange& ex) {
                return given(body_of<domain::OfferingInput>(ex), ex, [&](auto in) {
                  return tagged(domain::edit_offering(o, ex.who(), ex.param("offering_id"), in,
                                                      made_from(ex)),
                                ex, 200);
                });
              }});
}

void add_customer_routes(Router& router, domain::OrderingServices& o) {
  const Guard coaches = Guard::only({Role::coach});
  router.add({http::verb::post, "/v1/customers", "createCustomer", coaches, "customer.request",
              [&o](Exchange& ex) {
                return answer_body<domain::CustomerInput>(
                    ex, 201, [&](auto in) { return domain::create_customer(o, ex.who(), in); });
              }});
  router.add({http::verb::get, "/v1/customers", "findCustomer", coaches, "", [&o](Exchange& ex) {
                return given(reference_of(ex), ex, [&](const std::string& reference) {
                  return answer(domain::find_customer(o, ex.who(), reference), ex, 200);
                });
              }});
  router.add({http::verb::get, "/v1/customers/{customer_id}", "readCustomer", coaches, "",
              [&o](Exchange& ex) {
                return answer(domain::read_customer(o, ex.who(), ex.param("customer_id")), ex, 200);
              }});
  router.add({http::verb::put, "/v1/customers/{customer_id}", "editCustomer", coaches,
              "customer.request", [&o](Exchange& ex) {
                return answer_body<domain::CustomerInput>(ex, 200, [&](auto in) {
                  return domain::edit_customer(o, ex.who(), ex.param("customer_id"), in);
                });
              }});
  router.add({http::verb::post, "/v1/customers/{customer_id}/consents", "giveConsent", coaches,
              "consent.request", [&o](Exchange& ex) {
                return answer_body<domain::ConsentInput>(ex, 201, [&](auto in) {
                  return domain::give_consent(o, ex.who(), ex.param("customer_id"), in);
                });
              }});
  router.add({http::verb::post, "/v1/customers/{customer_id}/consents/{consent_id}/withdrawal",
              "withdrawConsent", coaches, "", [&o](Exchange& ex) {
                return answer(domain::withdraw_consent(o, ex.who(), ex.param("customer_id"),
                                                       ex.param("consent_id")),
                              ex, 200);
              }});
}

void add_choice_routes(Router& router, domain::OrderingServices& o) {
  router.add({http::verb::post, "/v1/choice-sets", "makeChoiceSet", Guard::only({Role::coach}),
              "choice-set.request", [&o](Exchange& ex) {
                return answer_body<domain::ChoiceSetInput>(
                    ex, 201, [&](auto in) { return domain::make_choice_set(o, ex.who(), in); });
              }});
  router.add({http::verb::get, "/v1/choice-sets/{choice_set_id}", "readChoiceSet",
              Guard::only({Role::coach, Role::officer, Role::auditor, Role::admin}), "",
              [&o](Exchange& ex) {
                return answer(domain::read_choice_set(o, ex.who(), ex.param("choice_set_id")), ex,
                              200);
              }});
}

void add_order_routes(Router& router, domain::OrderingServices& o) {
  const Guard parties = Guard::only({Role::coach, Role::provider});
  router.add({http::verb::post, "/v1/orders", "placeOrder", Guard::only({Role::coach}),
              "order.request", [&o](Exchange& ex) {
                return given(order_input_of(ex), ex, [&](domain::OrderInput in) {
                  return placed(domain::place_order(o, ex.who(), std::move(in)), ex);
                });
              }});
  router.add(
      {http::verb::get, "/v1/orders", "listOrders", Guard::signed_in(), "", [&o](Exchange& ex) {
         return given(order_query_of(ex), ex, [&](const domain::OrderQuery& q) {
           return answer_page(domain::list_orders(o, ex.who(), q), ex);
         });
       }});
  router.add({http::verb::get, "/v1/orders/{order_id}", "readOrder", Guard::signed_in(), "",
              [&o](Exchange& ex) {
                return answer(domain::read_order(o, ex.who(), ex.param("order_id")), ex, 200);
              }});
  router.add({http::verb::post, "/v1/orders/{order_id}/transitions", "changeOrder", parties,
              "order-transition.request", [&o](Exchange& ex) {
                return answer_body<domain::OrderChange>(ex, 200, [&](auto in) {
                  return domain::change_order(o, ex.who(), ex.param("order_id"), in);
                });
              }});
  router.add({http::verb::put, "/v1/orders/{order_id}/closing-report", "writeClosingReport",
              Guard::only({Role::provider}), "closing-report.request", [&o](Exchange& ex) {
                return answer_body<domain::ClosingReportInput>(ex, 200, [&](auto in) {
                  return domain::write_closing_report(o, ex.who(), ex.param("order_id"), in);
                });
              }});
  router.add({http::verb::get, "/v1/orders/{order_id}/earlier-closing-reports",
              "earlierClosingReports", parties, "", [&o](Exchange& ex) {
                return answer_list(
                    domain::earlier_closing_reports(o, ex.who(), ex.param("order_id")), ex);
              }});
  router.add({http::verb::get, "/v1/orders/{order_id}/earlier-outcomes", "earlierOutcomes", parties,
              "", [&o](Exchange& ex) {
                return answer_list(domain::earlier_outcomes(o, ex.who(), ex.param("order_id")), ex);
              }});
  router.add({http::verb::post, "/v1/orders/{order_id}/outcomes", "recordOutcome", parties,
              "outcome.request", [&o](Exchange& ex) {
                return answer_body<domain::OutcomeInput>(ex, 201, [&](auto in) {
                  return domain::record_outcome(o, ex.who(), ex.param("order_id"), in);
                });
              }});
}

void add_feedback_routes(Router& router, domain::OrderingServices& o) {
  router.add({http::verb::post, "/v1/orders/{order_id}/feedback-link", "issueFeedbackLink",
              Guard::only({Role::coach}), "", [&o](Exchange& ex) {
                return answer(domain::issue_feedback_link(o, ex.who(), ex.param("order_id")), ex,
                              201);
              }});
  router.add({http::verb::post, "/v1/orders/{order_id}/coach-rating", "rateProvider",
              Guard::only({Role::coach}), "rating.request", [&o](Exchange& ex) {
                return answer_body<domain::RatingInput>(ex, 201, [&](auto in) {
                  return domain::rate_provider(o, ex.who(), ex.param("order_id"), in);
                });
              }});
  // The customer has no account: the one-time token in the path is the only credential.
  router.add({http::verb::get, "/v1/feedback/{token}", "readFeedbackForm", Guard::open(), "",
              [&o](Exchange& ex) {
                return answer(domain::read_feedback_form(o, ex.param("token")), ex, 200);
              }});
  router.add({http::verb::post, "/v1/feedback/{token}", "giveFeedback", Guard::open(),
              "feedback.request", [&o](Exchange& ex) {
                return answer_body<domain::FeedbackInput>(ex, 201, [&](auto in) {
                  return domain::give_feedback(o, ex.param("token"), in);
                });
              }});
  router.add({http::verb::get, "/v1/providers/{provider_id}/feedback", "providerFeedback",
              Guard::signed_in(), "", [&o](Exchange& ex) {
                return answer_list(domain::provider_feedback(o, ex.who(), ex.param("provider_id")),
                                   ex);
              }});
}

void add_report_routes(Router& router, domain::OrderingServices& o) {
  router.add({http::verb::get, "/v1/categories/{category_id}/scorecards", "categoryScorecards",
              Guard::signed_in(), "", [&o](Exchange& ex) {
                return given(period_of(ex, o.clock), ex, [&](domain::Period p) {
                  return answer_list(
                      domain::category_scorecards(o, ex.who(), ex.param("category_id"), p), ex);
                });
              }});
  router.add({http::verb::get, "/v1/dps/{dps_id}/spend", "spendReport",
              Guard::only({Role::officer, Role::auditor, Role::admin}), "", [&o](Exchange& ex) {
                return given(period_of(ex, o.clock), ex, [&](domain::Period p) {
                  return spend(domain::spend_report(o, ex.who(), ex.param("dps_id"), p), ex);
                });
              }});
  router.add({http::verb::get, "/v1/dps/{dps_id}/payables", "listPayables",
              Guard::only({Role::officer, Role::auditor, Role::admin, Role::provider}), "",
              [&o](Exchange& ex) {
                return given(period_of(ex, o.clock), ex, [&](domain::Period p) {
                  return answer_list(
                      domain::payables(o, ex.who(), ex.param("dps_id"),
                                       ex.query_param("provider_id").value_or(""), p),
                      ex);
                });
              }});
}

}  // namespace

void add_ordering_routes(Router& router, Services& s) {
  add_offering_routes(router, s.ordering);
  add_customer_routes(router, s.ordering);
  add_choice_routes(router, s.ordering);
  add_order_routes(router, s.ordering);
  add_feedback_routes(router, s.ordering);
  add_report_routes(router, s.ordering);
}

}  // namespace tarjotin::server
