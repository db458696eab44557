#include "pricing/billformat.h"
