#include "server/client_address.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v6.hpp>

namespace tarjotin::server {

std::string counted_client_address(const std::string& remote_address) {
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(remote_address, ec);
  if (ec) return remote_address;
  if (address.is_v4()) return address.to_v4().to_string();
  const auto v6 = address.to_v6();
  if (v6.is_v4_mapped())
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, v6).to_string();
  return boost::asio::ip::make_network_v6(v6, 64).canonical().to_string();
}

}  // namespace tarjotin::server
