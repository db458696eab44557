#include "pricing/bill.h"
