# Error types of a Python log in the guide's verbose format, one line per ERROR/CRITICAL record, as
# `smsmon errors count` types them — the guide's `grep "ERROR" | awk '{print $3}'` made correct:
#
#   LC_ALL=C awk -f bench/error-types.awk errors.log.3 errors.log.2 errors.log.1 errors.log |
#     LC_ALL=C sort | uniq -c | sort -rn
#
# A record starts at a line whose whole header matches (level, date, time, module, pid, thread);
# every other line continues it. Type: the class of the exception line after the record's last
# "Traceback (most recent call last):" (so a chained exception counts as the one raised last),
# unqualified (openai.RateLimitError → RateLimitError); else "module: first message line" with
# phone numbers, quoted values and numbers masked (numbers as `<*>`, as smsmon names them). That is
# all the generated corpora need; smsmon masks every token by its shape (ids mixing letters and
# digits, hex, base64, UUIDs, emails, URLs, IPs, dates, durations, `key=word`) — on other logs a
# message with one of those splits here into one group per value.
BEGIN {
  header = "^(DEBUG|INFO|WARNING|ERROR|CRITICAL) [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] " \
           "[0-9][0-9]:[0-9][0-9]:[0-9][0-9],[0-9][0-9][0-9] [^ ]+ [0-9]+ [0-9]+ "
}

# Cheap first-byte test before the full header regex: most lines are traceback frames.
/^[DIWEC]/ && match($0, header) {
  flush()
  level = $1; module = $4; message = substr($0, RLENGTH + 1); exc = ""; inFrames = 0
  next
}

/^Traceback \(most recent call last\):/ { inFrames = 1; exc = ""; next }

# Frames and source lines are indented; the first line that is not ends the frames: the exception.
inFrames && /^[^ \t]/ { exc = $0; inFrames = 0 }

END { flush() }

function flush(  type) {
  if (level != "ERROR" && level != "CRITICAL") return
  if (exc != "") {
    type = exc
    sub(/:.*/, "", type)            # "module.Class: message" → "module.Class"
    sub(/.*\./, "", type)           # unqualified
  } else {
    type = message
    gsub(/\+[0-9][0-9][0-9][0-9][0-9][0-9][0-9]+/, "<phone>", type)
    gsub(/'[^']*'|"[^"]*"/, "<quoted>", type)
    gsub(/[0-9]+(\.[0-9]+)?/, "<*>", type)
    type = module ": " type
  }
  print type
  level = ""
}
