// The exit statuses of the commands, as grep has them: scripts branch on these.
#pragma once

namespace revue {

enum ExitStatus : int {
    kMatched = 0,        // something matched, or the command succeeded
    kNoMatch = 1,        // nothing matched (or `show` of a file not in the index)
    kFailed = 2,         // an error, said in one line on stderr
    kInterrupted = 130,  // Ctrl-C or SIGTERM during `revue index`: what was done is kept
};

}  // namespace revue
