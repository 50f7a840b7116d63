// Requests on one kept-alive connection are read one after the other into the same room: each
// reaches the handler with its own head, target and body, nothing of the one before.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "../support_loopback.hpp"
#include "../support_server.hpp"

namespace dateline::http {

namespace {

// Answers with what it was given: method, target, its parts, every header and the body.
Response echo(const Request& request) {
    std::string seen = request.method_name + " " + request.raw_target + "\n";
    for (const auto& segment : request.target.segments) seen += "[" + segment + "]";
    seen += request.target.trailing_slash ? " slash\n" : "\n";
    for (const auto& [name, value] : request.target.query)
        seen.append(name).append("=").append(value).append(";");
    seen += "\nhost " + request.host + "\n";
    for (const auto& [name, value] : request.headers)
        seen.append(name).append(": ").append(value).append("\n");
    seen += "body " + request.body + "\n";
    return Response::text(200, seen);
}

ServerOptions one_thread() {
    ServerOptions options;
    options.threads = 1;
    options.worker_threads = 1;
    return options;
}

// Sends `request` and reads its response's body.
std::string exchange(int fd, const std::string& request) {
    testing_support::send_all(fd, request);
    auto answer = testing_support::read_response(fd);
    return answer.whole ? answer.body : "(not whole) " + answer.head;
}

}  // namespace

TEST(ServerRequests, EachRequestOnAConnectionCarriesOnlyItsOwnHeadTargetAndBody) {
    testing_support::RunningServer server(one_thread(), echo);
    const int fd = testing_support::connect_with_patience(server.port(), 10);
    const auto first =
        exchange(fd,
                 "POST /en/world/older/12/?page=2&q=x HTTP/1.1\r\nHost: NEWS.Example\r\n"
                 "X-First: one\r\nAccept-Language: ar\r\nCookie: a=b\r\n"
                 "Content-Length: 9\r\n\r\nname=Rana");
    EXPECT_EQ(first,
              "POST /en/world/older/12/?page=2&q=x\n[en][world][older][12] slash\npage=2;q=x;\n"
              "host news.example\nhost: NEWS.Example\nx-first: one\naccept-language: ar\n"
              "cookie: a=b\ncontent-length: 9\nbody name=Rana\n");
    const auto second = exchange(fd, "GET /ar HTTP/1.1\r\nHost: ar.example\r\n\r\n");
    EXPECT_EQ(second, "GET /ar\n[ar]\n\nhost ar.example\nhost: ar.example\nbody \n");
    const auto third =
        exchange(fd,
                 "GET /ar/culture/a-story-name-longer-than-small-strings HTTP/1.1\r\n"
                 "Host: ar.example\r\nUser-Agent: Phone\r\n\r\n");
    EXPECT_EQ(third,
              "GET /ar/culture/a-story-name-longer-than-small-strings\n"
              "[ar][culture][a-story-name-longer-than-small-strings]\n\nhost ar.example\n"
              "host: ar.example\nuser-agent: Phone\nbody \n");
    ::close(fd);
}

}  // namespace dateline::http
