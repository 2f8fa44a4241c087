// The store's name for crypto.h's sha256_hex (libcrypto underneath).
#pragma once

#include "crypto.h"
