// dateline user: newsroom accounts (add, list, disable, enable, reset-password,
// reset-two-step).
#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/reader_service.hpp"
#include "app/user_service.hpp"
#include "cli/command.hpp"

namespace dateline::cli {

namespace {

struct UserOptions {
    DataOptions data;
    std::string action;  // the chosen subcommand
    std::string email;
    std::string name;
    std::string role;
    std::vector<std::string> sites;
    std::string password_file;
};

// Without its line ending: a file written by `echo` or an editor ends with one.
std::string without_line_end(std::string line) {
    if (!line.empty() && line.back() == '\n') line.pop_back();
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

// One line typed at the terminal without showing it.
std::optional<std::string> ask_hidden(const std::string& prompt) {
    termios before{};
    if (tcgetattr(STDIN_FILENO, &before) != 0) return std::nullopt;
    termios quiet = before;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    std::cerr << prompt << std::flush;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    std::string line;
    const bool read = static_cast<bool>(std::getline(std::cin, line));
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &before);
    std::cerr << '\n';
    if (!read) return std::nullopt;
    return without_line_end(line);
}

// The password from --password-file (a file, or - for standard input), else asked twice at the
// terminal.
Result<std::string> read_password(const UserOptions& o) {
    if (!o.password_file.empty()) {
        std::string text;
        if (o.password_file == "-") {
            std::getline(std::cin, text);
        } else {
            std::ifstream file(o.password_file, std::ios::binary);
            if (!file)
                return Error::invalid("Cannot read the password file " + o.password_file + ".");
            std::getline(file, text);
        }
        return without_line_end(text);
    }
    if (!isatty(STDIN_FILENO))
        return Error::invalid(
            "There is no terminal to ask for the password: give --password-file FILE (- for "
            "standard input).");
    auto first = ask_hidden("Password: ");
    auto again = ask_hidden("The same password again: ");
    if (!first || !again) return Error::invalid("No password was given.");
    if (*first != *again) return Error::invalid("The two passwords differ; nothing was changed.");
    return std::move(*first);
}

std::string sites_of(const domain::User& user, const app::NetworkDirectory& directory) {
    if (user.role == domain::Role::Admin) return "*";
    std::string slugs;
    for (const auto id : user.site_ids)
        for (const auto& site : directory.sites)
            if (site.id == id) slugs += (slugs.empty() ? "" : ",") + site.slug;
    return slugs;
}

int run_user(const UserOptions& o) {
    auto opened = o.data.open(true);
    if (!opened) return fail(opened.error());
    SystemClock clock;
    app::UserService users(*opened->database, clock);
    if (o.action == "list") {
        auto directory = app::ReaderService(*opened->database, clock).directory();
        if (!directory) return fail(directory.error());
        auto listed = users.list();
        if (!listed) return fail(listed.error());
        for (const auto& u : *listed)
            std::cout << u.id << '\t' << u.email << '\t' << domain::to_string(u.role) << '\t'
                      << sites_of(u, *directory) << '\t' << (u.disabled ? "disabled" : "active")
                      << '\t' << u.name << '\t' << (u.two_step ? "two-step" : "password") << '\n';
        return 0;
    }
    if (o.action == "reset-two-step") {
        if (auto done = users.reset_two_step(o.email); !done) return fail(done.error());
        std::cout << "Two-step sign-in is off for " << o.email
                  << ", and its sessions have ended: it signs in with its password alone until it "
                     "sets up a new phone.\n";
        return 0;
    }
    if (o.action == "disable" || o.action == "enable") {
        auto changed = users.set_disabled(o.email, o.action == "disable");
        if (!changed) return fail(changed.error());
        std::cout << "The account " << changed->email << " is "
                  << (changed->disabled ? "disabled" : "enabled") << ".\n";
        return 0;
    }
    // add and reset-password take a password; check what can be checked before asking for it.
    std::optional<domain::Role> role;
    if (o.action == "add") {
        role = domain::parse_role(o.role);
        if (!role) return fail("unknown role '" + o.role + "': admin, editor, author or moderator");
    }
    auto password = read_password(o);
    if (!password) return fail(password.error());
    if (o.action == "add") {
        auto added = users.add({o.email, o.name, *role, o.sites}, *password);
        if (!added) return fail(added.error());
        std::cout << "Added " << domain::to_string(added->role) << ' ' << added->email << " ("
                  << added->name << ").\n";
        return 0;
    }
    if (auto done = users.reset_password(o.email, *password); !done) return fail(done.error());
    std::cout << "The password of " << o.email << " is set.\n";
    return 0;
}

}  // namespace

Command user_command(CLI::App& app) {
    auto o = std::make_shared<UserOptions>();
    auto* user = app.add_subcommand("user", "Manage newsroom accounts.");
    o->data.add_to(*user);
    // `user add --data DIR`, as well as `user --data DIR add`: the subcommands, which inherit
    // this, hand options they do not know to `user`.
    user->fallthrough();
    user->require_subcommand(1);
    auto password_option = [&](CLI::App* sub) {
        sub->add_option("--password-file", o->password_file,
                        "Read the password from the first line of this file (- for standard "
                        "input); without it, it is asked for at the terminal");
    };
    auto* add = user->add_subcommand("add", "Create an account.");
    add->add_option("--email", o->email, "The account's e-mail address")->required();
    add->add_option("--role", o->role, "admin, editor, author or moderator")->required();
    add->add_option("--name", o->name, "The name shown in the newsroom (default: the address)");
    add->add_option("--site", o->sites, "A site it works on (repeat for several; not for admins)");
    password_option(add);
    user->add_subcommand(
        "list",
        "One account a line: id, e-mail, role, sites, status, name, sign-in (password or "
        "two-step), tab-separated.");
    for (const auto& [action, what] : {std::pair{"disable", "Stop an account from signing in"},
                                       std::pair{"enable", "Let a disabled account sign in again"}})
        user->add_subcommand(action, what)
            ->add_option("--email", o->email, "The account's e-mail address")
            ->required();
    user->add_subcommand("reset-two-step",
                         "Turn off an account's two-step sign-in (a lost phone) and end its "
                         "sessions.")
        ->add_option("--email", o->email, "The account's e-mail address")
        ->required();
    auto* reset = user->add_subcommand("reset-password", "Set an account's password.");
    reset->add_option("--email", o->email, "The account's e-mail address")->required();
    password_option(reset);
    return {user, [o, user] {
                o->action = user->get_subcommands().front()->get_name();
                return run_user(*o);
            }};
}

}  // namespace dateline::cli
