// The tasks of one indexing thread, handed over by the folder walk as it finds them. Bounded,
// so that a run holds a few hundred tasks whatever the size of the folder.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace revue {

template <class Item>
class TaskQueue {
  public:
    static constexpr std::size_t kCapacity = 256;

    // Waits while the queue is full; drops the item once the thread has stopped taking any.
    void push(Item item) {
        std::unique_lock<std::mutex> lock(mutex_);
        room_.wait(lock, [&] { return items_.size() < kCapacity || abandoned_; });
        if (abandoned_) return;
        items_.push_back(std::move(item));
        ready_.notify_one();
    }

    // No more items will come.
    void close() {
        const std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
        ready_.notify_all();
    }

    // The next item, or nothing once the queue is closed and empty.
    std::optional<Item> pop() {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [&] { return !items_.empty() || closed_; });
        if (items_.empty()) return std::nullopt;
        Item item = std::move(items_.front());
        items_.pop_front();
        room_.notify_one();
        return item;
    }

    // The thread stopped (Ctrl-C, an error): the walk must not wait for it.
    void abandon() {
        const std::lock_guard<std::mutex> lock(mutex_);
        abandoned_ = true;
        room_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::condition_variable room_;
    std::deque<Item> items_;
    bool closed_ = false;
    bool abandoned_ = false;
};

}  // namespace revue
