#include "server/oidc/issuer_discovery.hpp"

#include <stdexcept>

#include "server/json.hpp"

namespace tarjotin::server {
namespace {

std::string https_member(const rapidjson::Value& doc, const char* name, bool required) {
  const auto value = string_member(doc, name);
  if (!value || value->empty()) {
    if (required) throw std::invalid_argument(std::string("it has no ") + name);
    return "";
  }
  if (!parse_https_url(*value)) throw std::invalid_argument(std::string(name) + " is not https");
  return *value;
}

// Why an answer is not the document asked for, in words for the log.
std::string failure(const std::string& what, const HttpsAnswer& answer) {
  return what + ": " +
         (answer.error.empty() ? "HTTP " + std::to_string(answer.status) : answer.error);
}

}  // namespace

IssuerMetadata read_issuer_metadata(std::string_view document, const std::string& issuer) {
  rapidjson::Document doc;
  if (const auto error = parse_json(document, doc)) throw std::invalid_argument(error->detail);
  if (!doc.IsObject()) throw std::invalid_argument("it is not a JSON object");
  IssuerMetadata m;
  m.issuer = string_member(doc, "issuer").value_or("");
  // OpenID Connect Discovery 1.0, 4.3: the document names exactly the issuer it was asked for,
  // or another issuer's keys could be taken for this one's.
  if (m.issuer != issuer) throw std::invalid_argument("it is the metadata of another issuer");
  m.jwks_uri = https_member(doc, "jwks_uri", true);
  m.authorization_endpoint = https_member(doc, "authorization_endpoint", false);
  m.token_endpoint = https_member(doc, "token_endpoint", false);
  return m;
}

IssuerDiscovery::IssuerDiscovery(IssuerDiscoveries& owner, std::string issuer,
                                 std::string discovery_url, HttpsFetcher fetcher)
    : owner_(owner),
      issuer_(std::move(issuer)),
      discovery_url_(std::move(discovery_url)),
      fetcher_(std::move(fetcher)) {}

std::shared_ptr<const crypto::OidcKeySet> IssuerDiscovery::keys() const {
  std::lock_guard lock(mutex_);
  return keys_;
}

std::shared_ptr<const crypto::OidcKeySet> IssuerDiscovery::keys_after_unknown(
    std::string_view kid) const {
  std::unique_lock lock(mutex_);
  // Another request's fetch may already have brought it.
  if (!(keys_ && keys_->holds(kid))) await_fetch(lock);
  return keys_;
}

std::optional<IssuerMetadata> IssuerDiscovery::metadata() const {
  std::unique_lock lock(mutex_);
  if (!metadata_) await_fetch(lock);
  return metadata_;
}

std::optional<IssuerMetadata> IssuerDiscovery::last_metadata() const {
  std::lock_guard lock(mutex_);
  return metadata_;
}

bool IssuerDiscovery::may_fetch(domain::Timestamp now) const {
  return !attempted_at_ || now - *attempted_at_ >= owner_.settings_.min_refresh_interval;
}

bool IssuerDiscovery::due(domain::Timestamp now) const {
  if (fetching_ || !may_fetch(now)) return false;
  return wanted_ || !fetched_at_ || now - *fetched_at_ >= owner_.settings_.cache_lifetime;
}

void IssuerDiscovery::await_fetch(std::unique_lock<std::mutex>& lock) const {
  // Fetched lately: a flood of tokens with made-up keys does not make us hammer the issuer.
  if (!fetching_ && !may_fetch(owner_.clock_.now())) return;
  if (!fetching_) {
    wanted_ = true;
    owner_.wake();
  }
  const auto seen = attempts_;
  fetched_.wait_for(lock, owner_.settings_.unknown_key_wait, [&] { return attempts_ != seen; });
}

void IssuerDiscovery::refresh() {
  domain::Timestamp asked_at;
  {
    std::lock_guard lock(mutex_);
    asked_at = owner_.clock_.now();
    if (!due(asked_at)) return;
    fetching_ = true;
    wanted_ = false;
    attempted_at_ = asked_at;
  }
  std::optional<IssuerMetadata> metadata;
  std::shared_ptr<const crypto::OidcKeySet> keys;
  std::string error;
  try {
    const auto document = fetcher_.get(discovery_url_);
    if (document.status != 200)
      throw std::runtime_error(failure("the discovery document", document));
    try {
      metadata = read_issuer_metadata(document.body, issuer_);
    } catch (const std::invalid_argument& e) {
      throw std::runtime_error(std::string("the discovery document: ") + e.what());
    }
    const auto set = fetcher_.get(metadata->jwks_uri);
    if (set.status != 200) throw std::runtime_error(failure("the key set", set));
    try {
      keys = crypto::OidcKeySet::read(set.body);
    } catch (const std::invalid_argument& e) {
      throw std::runtime_error(std::string("the key set: ") + e.what());
    }
  } catch (const std::exception& e) {
    error = e.what();
  }
  {
    std::lock_guard lock(mutex_);
    fetching_ = false;
    ++attempts_;
    if (error.empty()) {
      keys_ = std::move(keys);
      metadata_ = std::move(metadata);
      // The keys are as old as the question: the issuer may have rotated them while the
      // answer was on its way, so their age is not counted from its arrival.
      fetched_at_ = asked_at;
    }
  }
  fetched_.notify_all();
  if (error.empty()) {
    owner_.log_.info("identity provider's keys fetched", {{"issuer", issuer_}});
  } else {
    ++owner_.failures_;
    owner_.log_.warn("identity provider's keys not fetched; the last ones stay in use",
                     {{"issuer", issuer_}, {"error", error}});
  }
}

IssuerDiscoveries::IssuerDiscoveries(const domain::Clock& clock, Log& log,
                                     DiscoverySettings settings)
    : clock_(clock), log_(log), settings_(settings) {}

IssuerDiscoveries::~IssuerDiscoveries() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  woken_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::shared_ptr<IssuerDiscovery> IssuerDiscoveries::add(std::string issuer,
                                                        std::string discovery_url,
                                                        HttpsFetcher fetcher) {
  issuers_.push_back(std::make_shared<IssuerDiscovery>(
      *this, std::move(issuer), std::move(discovery_url), std::move(fetcher)));
  return issuers_.back();
}

void IssuerDiscoveries::start() {
  if (!issuers_.empty()) thread_ = std::thread([this] { run(); });
}

void IssuerDiscoveries::wake() {
  {
    std::lock_guard lock(mutex_);
    wake_ = true;
  }
  woken_.notify_one();
}

void IssuerDiscoveries::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    for (const auto& issuer : issuers_) issuer->refresh();
    lock.lock();
    // Woken for a token with an unknown key; else a look once a second at what has grown old,
    // by the clock the rest of the server keeps.
    woken_.wait_for(lock, std::chrono::seconds(1), [this] { return wake_ || stopping_; });
    wake_ = false;
  }
}

}  // namespace tarjotin::server
