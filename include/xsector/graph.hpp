// The Network of a coalition (network.hpp) under the header name earlier versions used.
#pragma once

#include "xsector/network.hpp"
