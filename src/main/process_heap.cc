#include "main/process_heap.h"

#include <malloc.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>

namespace nanni::cli {

void PrepareHeapForReport() {
  constexpr size_t kHeap = 96 << 20, kHuge = 2 << 20;
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_TOP_PAD, 16 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  void* block = std::malloc(kHeap);
  if (block == nullptr) return;
#ifdef MADV_HUGEPAGE
  uintptr_t begin = (reinterpret_cast<uintptr_t>(block) + kHuge - 1) & ~uintptr_t{kHuge - 1};
  uintptr_t end = (reinterpret_cast<uintptr_t>(block) + kHeap) & ~uintptr_t{kHuge - 1};
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
  std::free(block);
}

}  // namespace nanni::cli
