/*
 * Makes this process's CPU look like the virtual machines of the oneDNN fault (issue #23): CPUID
 * leaf 0x8000001D, AMD's cache topology, reads as zeros, so oneDNN's cache probe finds no caches.
 * Loaded with LD_PRELOAD on a machine whose CPU can fault on CPUID (Linux's arch_prctl
 * ARCH_SET_CPUID; /proc/cpuinfo flag "cpuid_fault"). Every CPUID then traps here: leaf 0x8000001D
 * answers zeros, every other leaf is run for real with faulting briefly off. Threads inherit the
 * setting; a JVM's own SIGSEGV handler passes signals it does not own to this one (signal
 * chaining), so a JVM runs under it unchanged. With NOCACHE_VERBOSE set it reports its counts at
 * exit. Build: gcc -O2 -shared -fPIC -o libcpuid_no_cache.so cpuid_no_cache.c
 */
#define _GNU_SOURCE
#include <asm/prctl.h>
#include <cpuid.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

static struct sigaction previous;
static volatile long emulated, zeroed;

static void on_segv(int sig, siginfo_t *info, void *context) {
  ucontext_t *uc = context;
  unsigned char *ip = (unsigned char *) uc->uc_mcontext.gregs[REG_RIP];
  if (ip[0] == 0x0f && ip[1] == 0xa2) { /* CPUID */
    unsigned leaf = (unsigned) uc->uc_mcontext.gregs[REG_RAX];
    unsigned sub = (unsigned) uc->uc_mcontext.gregs[REG_RCX];
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (leaf == 0x8000001D) {
      zeroed++;
    } else {
      syscall(SYS_arch_prctl, ARCH_SET_CPUID, 1);
      __cpuid_count(leaf, sub, a, b, c, d);
      syscall(SYS_arch_prctl, ARCH_SET_CPUID, 0);
    }
    emulated++;
    uc->uc_mcontext.gregs[REG_RAX] = a;
    uc->uc_mcontext.gregs[REG_RBX] = b;
    uc->uc_mcontext.gregs[REG_RCX] = c;
    uc->uc_mcontext.gregs[REG_RDX] = d;
    uc->uc_mcontext.gregs[REG_RIP] += 2;
    return;
  }
  if (previous.sa_flags & SA_SIGINFO) {
    previous.sa_sigaction(sig, info, context);
  } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
    previous.sa_handler(sig);
  } else {
    signal(sig, SIG_DFL);
    raise(sig);
  }
}

__attribute__((constructor)) static void install(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGSEGV, &sa, &previous);
  if (syscall(SYS_arch_prctl, ARCH_SET_CPUID, 0) != 0) {
    fprintf(stderr, "cpuid_no_cache: this CPU cannot fault on CPUID (no cpuid_fault); nothing emulated\n");
  }
}

__attribute__((destructor)) static void report(void) {
  if (getenv("NOCACHE_VERBOSE")) {
    fprintf(stderr, "cpuid_no_cache: %ld CPUID emulated, %ld of leaf 0x8000001D zeroed\n", emulated, zeroed);
  }
}
