#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace aicp {

// Hands objects from one thread to another, up to `capacity` waiting at a
// time: the importer's reading thread passes full batches to the writing
// thread and gets the written ones back through a second channel. With
// three batches in all, reading, storing one batch and aggregating the one
// before overlap, and memory stays at three batches.
template <typename T>
class BatchChannel {
public:
    explicit BatchChannel(std::size_t capacity = 1) : capacity_(capacity) {}

    // Waits until there is room; false once aborted.
    bool push(T* item) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return items_.size() < capacity_ || aborted_; });
        if (aborted_)
            return false;
        items_.push_back(item);
        changed_.notify_all();
        return true;
    }
    // Waits for an object; nullptr once finished and empty, or aborted.
    T* pop() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !items_.empty() || finished_ || aborted_; });
        if (aborted_ || items_.empty())
            return nullptr;
        T* item = items_.front();
        items_.pop_front();
        changed_.notify_all();
        return item;
    }
    // No more objects will come; those waiting are still taken.
    void finish() {
        const std::lock_guard lock(mutex_);
        finished_ = true;
        changed_.notify_all();
    }
    // Both sides stop at once; what is waiting is dropped.
    void abort() {
        const std::lock_guard lock(mutex_);
        aborted_ = true;
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    const std::size_t capacity_;
    std::deque<T*> items_;
    bool finished_ = false;
    bool aborted_ = false;
};

}  // namespace aicp
