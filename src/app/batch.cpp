#include "revue/app/batch.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "revue/core/errors.hpp"

namespace revue {
namespace {

// Lines read ahead per thread: enough to keep every thread busy while the answers wait
// their turn, few enough that a batch of large answers stays small in memory.
constexpr std::size_t kLinesPerThread = 16;

bool blank(const std::string& line) {
    return line.find_first_not_of(" \t\r") == std::string::npos;
}

// The lines in flight, oldest first. Workers answer them in turn; the reading thread
// delivers them once answered, in order.
class Queue {
  public:
    struct Job {
        BatchAnswer answer;
        bool done = false;
    };

    // The next unanswered job, or nothing once the queue is closed and drained.
    Job* take() {
        std::unique_lock<std::mutex> lock(mutex_);
        work_.wait(lock, [&] { return closed_ || next_ < first_ + jobs_.size(); });
        if (next_ >= first_ + jobs_.size()) return nullptr;
        // A deque keeps references to its elements as jobs come and go at its ends.
        return &jobs_[next_++ - first_];
    }

    void finished(Job& job) {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            job.done = true;
        }
        done_.notify_all();
    }

    void add(BatchAnswer answer) {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            jobs_.push_back(Job{std::move(answer), false});
        }
        work_.notify_one();
    }

    std::size_t size() {
        const std::lock_guard<std::mutex> lock(mutex_);
        return jobs_.size();
    }

    // The oldest job once answered: waits for it when `wait`, else gives nothing.
    std::optional<BatchAnswer> pop(bool wait) {
        std::unique_lock<std::mutex> lock(mutex_);
        if (jobs_.empty()) return std::nullopt;
        if (wait) done_.wait(lock, [&] { return jobs_.front().done; });
        if (!jobs_.front().done) return std::nullopt;
        BatchAnswer answer = std::move(jobs_.front().answer);
        jobs_.pop_front();
        ++first_;
        return answer;
    }

    // No more jobs: idle workers stop, and the unanswered jobs are dropped.
    void close() {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            closed_ = true;
            next_ = first_ + jobs_.size();
        }
        work_.notify_all();
    }

    // Every job read is in: workers stop when the queue is drained.
    void end_of_input() {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            closed_ = true;
        }
        work_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable work_;
    std::condition_variable done_;
    std::deque<Job> jobs_;
    std::size_t first_ = 0;  // sequence number of jobs_.front()
    std::size_t next_ = 0;   // sequence number of the next job to answer
    bool closed_ = false;
};

// Joins the workers however the batch ends, after closing the queue.
class Workers {
  public:
    explicit Workers(Queue& queue) : queue_(queue) {}
    ~Workers() {
        queue_.close();
        for (auto& t : threads_) t.join();
    }
    Workers(const Workers&) = delete;
    Workers& operator=(const Workers&) = delete;

    void start(std::function<void()> work) { threads_.emplace_back(std::move(work)); }

  private:
    Queue& queue_;
    std::vector<std::thread> threads_;
};

}  // namespace

void run_batch(const std::filesystem::path& db, std::istream& in, const BatchOptions& options,
               const std::function<bool(BatchAnswer&)>& deliver) {
    const unsigned threads =
        options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    // Xapian objects are not thread-safe: one Searcher (one open index) per thread, opened
    // here so that a missing index fails before any line is read.
    std::vector<std::unique_ptr<Searcher>> searchers;
    for (unsigned i = 0; i < threads; ++i) searchers.push_back(std::make_unique<Searcher>(db));

    Queue queue;
    Workers workers(queue);
    for (const auto& searcher : searchers) {
        workers.start([&queue, &options, s = searcher.get()] {
            while (Queue::Job* job = queue.take()) {
                BatchAnswer& a = job->answer;
                try {
                    SearchRequest request = options.request;
                    request.query = a.query;
                    a.answer = answer_query(*s, request, options.count);
                } catch (const BadQuery& e) {
                    a.error = e.what();
                } catch (...) {
                    a.failure = std::current_exception();
                }
                queue.finished(*job);
            }
        });
    }

    const std::size_t ahead = kLinesPerThread * threads;
    // Delivers what is answered; false once `deliver` asks to stop.
    const auto deliver_answered = [&](bool wait) {
        while (auto answer = queue.pop(wait)) {
            if (!deliver(*answer)) return false;
            wait = false;
        }
        return true;
    };
    std::string line;
    for (int number = 1;; ++number) {
        // Before a read that may wait for input, every line read so far is answered and
        // delivered (and std::cin, tied to std::cout, flushes it): a program that waits for
        // an answer before writing its next query gets it, as when lines were answered one
        // by one.
        if (in.rdbuf() != nullptr && in.rdbuf()->in_avail() <= 0) {
            while (queue.size() > 0) {
                if (!deliver_answered(true)) return;
            }
        }
        if (!std::getline(in, line)) break;
        if (blank(line)) continue;
        if (line.back() == '\r') line.pop_back();
        BatchAnswer answer;
        answer.line = number;
        answer.query = line;
        queue.add(std::move(answer));
        if (!deliver_answered(queue.size() >= ahead)) return;
    }
    queue.end_of_input();
    while (queue.size() > 0) {
        if (!deliver_answered(true)) return;
    }
}

}  // namespace revue
