#pragma once

#include <condition_variable>
#include <mutex>

namespace aicp {

// Hands one object at a time from one thread to another: the importer's
// reading thread passes full batches to the writing thread and gets the
// written ones back through a second channel. With two batches in all,
// reading and writing overlap and memory stays at two batches.
template <typename T>
class BatchChannel {
public:
    // Waits until the last object was taken; false once aborted.
    bool push(T* item) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return item_ == nullptr || aborted_; });
        if (aborted_)
            return false;
        item_ = item;
        changed_.notify_all();
        return true;
    }
    // Waits for an object; nullptr once finished and empty, or aborted.
    T* pop() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return item_ != nullptr || finished_ || aborted_; });
        if (aborted_ || item_ == nullptr)
            return nullptr;
        T* item = item_;
        item_ = nullptr;
        changed_.notify_all();
        return item;
    }
    // No more objects will come; the one waiting is still taken.
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
    T* item_ = nullptr;
    bool finished_ = false;
    bool aborted_ = false;
};

}  // namespace aicp
