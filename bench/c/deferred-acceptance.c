/*
 * Plain applicant-proposing deferred acceptance (Gale & Shapley 1962) for a couple-free market, the
 * reference the TypeScript solver is timed against (bench/c-reference.ts compiles and runs it).
 *
 * Input file: little-endian int32s
 *   applicants, programs, applicant entries, program entries,
 *   capacity[programs], applicant offsets[applicants + 1], applicant lists[entries],
 *   program offsets[programs + 1], program lists[entries]      (lists most preferred first)
 * Output file: the assignment, one int32 per applicant (program, or -1).
 * Stdout: one line per timed run, "ms <wall-clock ms> <CPU ms>", then "proposals <n>".
 *
 * Each timed run does everything the solve needs from the lists as read: the rank of every applicant
 * entry (each program's list is walked once, finding the entry on the applicant's own short list), then
 * the proposals, with each program's holders in a max-heap on rank.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int32_t *read_ints(FILE *f, size_t n) {
  int32_t *out = malloc((n ? n : 1) * sizeof(int32_t));
  if (!out || fread(out, sizeof(int32_t), n, f) != n) {
    fprintf(stderr, "short input\n");
    exit(2);
  }
  return out;
}

static double clock_ms(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long solve(int32_t A, int32_t P, const int32_t *cap, const int32_t *aoff, const int32_t *arol,
                  const int32_t *poff, const int32_t *prol, int32_t *assignment) {
  int32_t entries = aoff[A];
  int32_t *rank = malloc((entries ? entries : 1) * sizeof(int32_t));
  int32_t *start = malloc((P + 1) * sizeof(int32_t));
  int32_t *size = calloc(P ? P : 1, sizeof(int32_t));
  int32_t *held_entry = malloc((A ? A : 1) * sizeof(int32_t));
  for (int32_t i = 0; i < entries; i++) rank[i] = -1;
  for (int32_t p = 0; p < P; p++) {
    for (int32_t t = poff[p]; t < poff[p + 1]; t++) {
      int32_t a = prol[t];
      for (int32_t i = aoff[a]; i < aoff[a + 1]; i++) {
        if (arol[i] == p) {
          rank[i] = t - poff[p];
          break;
        }
      }
    }
  }
  start[0] = 0;
  for (int32_t p = 0; p < P; p++) start[p + 1] = start[p] + (cap[p] > 0 ? cap[p] : 0);
  int32_t slots = start[P];
  int32_t *holder = malloc((slots ? slots : 1) * sizeof(int32_t));
  int32_t *held = malloc((slots ? slots : 1) * sizeof(int32_t));
  for (int32_t a = 0; a < A; a++) assignment[a] = -1;

  long proposals = 0;
  for (int32_t first = 0; first < A; first++) {
    int32_t a = first, i = aoff[a], end = aoff[a + 1];
    while (i < end) {
      proposals++;
      int32_t p = arol[i], r = rank[i];
      if (r >= 0) {
        int32_t base = start[p], n = size[p];
        if (n < start[p + 1] - base) {
          int32_t k = n;
          while (k > 0) {
            int32_t parent = (k - 1) / 2;
            if (held[base + parent] >= r) break;
            held[base + k] = held[base + parent];
            holder[base + k] = holder[base + parent];
            k = parent;
          }
          held[base + k] = r;
          holder[base + k] = a;
          size[p] = n + 1;
          assignment[a] = p;
          held_entry[a] = i;
          break;
        }
        if (n > 0 && held[base] > r) {
          int32_t out = holder[base], k = 0;
          for (;;) {
            int32_t child = 2 * k + 1;
            if (child >= n) break;
            if (child + 1 < n && held[base + child + 1] > held[base + child]) child++;
            if (held[base + child] <= r) break;
            held[base + k] = held[base + child];
            holder[base + k] = holder[base + child];
            k = child;
          }
          held[base + k] = r;
          holder[base + k] = a;
          assignment[a] = p;
          held_entry[a] = i;
          assignment[out] = -1;
          a = out;
          i = held_entry[out] + 1;
          end = aoff[out + 1];
          continue;
        }
      }
      i++;
    }
  }
  free(rank);
  free(start);
  free(size);
  free(held_entry);
  free(holder);
  free(held);
  return proposals;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s market.bin assignment.bin runs\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror("market");
    return 2;
  }
  int32_t *header = read_ints(f, 4);
  int32_t A = header[0], P = header[1], AE = header[2], PE = header[3];
  int32_t *cap = read_ints(f, P);
  int32_t *aoff = read_ints(f, A + 1);
  int32_t *arol = read_ints(f, AE);
  int32_t *poff = read_ints(f, P + 1);
  int32_t *prol = read_ints(f, PE);
  fclose(f);

  int runs = atoi(argv[3]);
  int32_t *assignment = malloc((A ? A : 1) * sizeof(int32_t));
  long proposals = 0;
  for (int run = 0; run < runs; run++) {
    double wall = clock_ms(CLOCK_MONOTONIC), cpu = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
    proposals = solve(A, P, cap, aoff, arol, poff, prol, assignment);
    printf("ms %.4f %.4f\n", clock_ms(CLOCK_MONOTONIC) - wall, clock_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu);
  }
  printf("proposals %ld\n", proposals);
  FILE *out = fopen(argv[2], "wb");
  if (!out || fwrite(assignment, sizeof(int32_t), A, out) != (size_t)A) {
    perror("assignment");
    return 2;
  }
  fclose(out);
  return 0;
}
