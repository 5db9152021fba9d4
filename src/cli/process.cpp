#include "revue/cli/process.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "revue/app/status.hpp"
#include "revue/core/errors.hpp"

namespace revue {
namespace {

volatile std::sig_atomic_t g_stop = 0;

extern "C" void on_stop_signal(int) {
    g_stop = 1;
}

}  // namespace

void catch_stop_signals() {
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
}

bool stop_requested() {
    return g_stop != 0;
}

int finish_output(int status) {
    std::cout.flush();
    if (!std::cout) {
        if (errno == EPIPE) return kMatched;
        throw OutputFailed(std::string("cannot write output: ") + std::strerror(errno));
    }
    return status;
}

void end_process(int status) {
    std::cout.flush();
    std::fflush(nullptr);
    std::_Exit(status);
}

}  // namespace revue
