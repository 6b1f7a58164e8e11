// Runs fn(0) … fn(count - 1) on up to `threads` threads (the caller's
// included), each index once, and returns when all are done. An exception
// thrown by fn is rethrown in the caller once every thread has stopped (the
// first one thrown; later indices may not have run).
#ifndef RELIEF_CORE_PARALLEL_FOR_HPP_
#define RELIEF_CORE_PARALLEL_FOR_HPP_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace relief {

template <class Fn>
void ParallelFor(std::size_t count, std::size_t threads, Fn fn) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;  // stop handing out work
      }
    }
  };
  std::vector<std::thread> helpers;
  const std::size_t extra = std::min(threads, count) > 1 ? std::min(threads, count) - 1 : 0;
  for (std::size_t t = 0; t < extra; ++t) helpers.emplace_back(work);
  work();
  for (std::thread& helper : helpers) helper.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace relief

#endif  // RELIEF_CORE_PARALLEL_FOR_HPP_
