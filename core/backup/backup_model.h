#pragma once
// The "backup-321" model for the registry (core/protocols/registry.cpp lists it).
#include "protocols/registry.h"

namespace cs::backup {

protocols::ModelInfo backup_model();  // "backup-321"

}  // namespace cs::backup
