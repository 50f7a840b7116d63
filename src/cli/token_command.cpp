// dateline token: API tokens for newsroom accounts (add, list, revoke).
#include <iostream>

#include "app/token_service.hpp"
#include "cli/command.hpp"

namespace dateline::cli {

namespace {

struct TokenOptions {
    DataOptions data;
    std::string action;  // the chosen subcommand
    std::string email;
    std::string name;
    domain::Id id = 0;
};

int run_token(const TokenOptions& o) {
    auto opened = o.data.open(true);
    if (!opened) return fail(opened.error());
    SystemClock clock;
    app::TokenService tokens(*opened->database, clock);
    if (o.action == "add") {
        auto made = tokens.create(o.email, o.name);
        if (!made) return fail(made.error());
        // The secret alone on standard output, so that a script can take it as it is.
        std::cout << made->secret << '\n';
        std::cerr << "API token " << made->token.id << " (" << made->token.name << ") for "
                  << o.email << ": it is shown this once; keep it secret.\n";
        return 0;
    }
    if (o.action == "list") {
        auto listed = tokens.list(o.email);
        if (!listed) return fail(listed.error());
        for (const auto& t : *listed)
            std::cout << t.id << '\t' << t.name << '\t' << format_utc_iso8601(t.created_at) << '\t'
                      << (t.last_used_at ? format_utc_iso8601(*t.last_used_at) : "never") << '\t'
                      << (t.revoked ? "revoked" : "active") << '\n';
        return 0;
    }
    if (auto revoked = tokens.revoke(o.id); !revoked) return fail(revoked.error());
    std::cout << "API token " << o.id << " is revoked.\n";
    return 0;
}

}  // namespace

Command token_command(CLI::App& app) {
    auto o = std::make_shared<TokenOptions>();
    auto* token = app.add_subcommand("token", "Manage API tokens of newsroom accounts.");
    o->data.add_to(*token);
    token->fallthrough();
    token->require_subcommand(1);
    auto* add = token->add_subcommand(
        "add", "Make an API token for an account and print it (one line, shown this once).");
    add->add_option("--email", o->email, "The account's e-mail address")->required();
    add->add_option("--name", o->name, "What the token is for (default: API)");
    token
        ->add_subcommand("list",
                         "An account's tokens, one a line: id, name, made, last used, "
                         "status (tab-separated).")
        ->add_option("--email", o->email, "The account's e-mail address")
        ->required();
    token->add_subcommand("revoke", "Revoke a token at once, on every node.")
        ->add_option("--id", o->id, "The token's id (from `token list`)")
        ->required();
    return {token, [o, token] {
                o->action = token->get_subcommands().front()->get_name();
                return run_token(*o);
            }};
}

}  // namespace dateline::cli
