#pragma once
// Loopback networking for the lab: free ports, and one small HTTP request (etcd's v3 JSON
// gateway). Nothing here ever binds or connects beyond 127.0.0.1.
#include <optional>
#include <string>
#include <vector>

namespace cs::lab {

// `count` distinct TCP ports on 127.0.0.1 that were free a moment ago (the kernel's choice).
std::vector<int> free_loopback_ports(int count);

// POST `body` to http://127.0.0.1:port/path; the response body, or nullopt when there is no
// answer within `timeout_ms` or the status is not 200.
std::optional<std::string> http_post(int port, const std::string& path, const std::string& body, int timeout_ms);

}  // namespace cs::lab
