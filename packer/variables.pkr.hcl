# What a bake can vary. Everything else about the image is fixed in orders.pkr.hcl.

variable "tier" {
  type        = string
  description = "Which deployable to bake: web or worker. Each tier gets its own AMI."

  validation {
    condition     = contains(["web", "worker"], var.tier)
    error_message = "The tier must be \"web\" or \"worker\"."
  }
}

variable "version" {
  type        = string
  description = "The application version baked in, usually the short git commit (git rev-parse --short HEAD)."

  validation {
    condition     = can(regex("^[0-9A-Za-z._-]+$", var.version))
    error_message = "The version must be non-empty and use only letters, digits, '.', '_' and '-' (it is part of the AMI name)."
  }
}

variable "arch" {
  type        = string
  default     = "arm64"
  description = "CPU architecture: arm64 (Graviton, what the CDK app launches) or x86_64."

  validation {
    condition     = contains(["arm64", "x86_64"], var.arch)
    error_message = "The arch must be \"arm64\" or \"x86_64\"."
  }
}

variable "region" {
  type        = string
  default     = "us-east-1"
  description = "The region the AMI is built and registered in."
}

variable "subnet_id" {
  type        = string
  default     = ""
  description = "The subnet of the temporary build instance; empty: the default VPC. Packer must reach it over SSH."
}

variable "instance_type" {
  type        = string
  default     = ""
  description = "The build instance type; empty: t4g.small for arm64, t3.small for x86_64 (the size the tiers run on, so the AOT training run sees the same machine)."
}

variable "base_release" {
  type        = string
  default     = "2023.*"
  description = "The Amazon Linux 2023 release to start from; the default takes the newest. Pin it to a release number (2023.N.YYYYMMDD.N, as in the base AMI's name) to rebuild an image from the same base, which also pins the distribution's package versions."
}

variable "java_package" {
  type        = string
  default     = "java-25-amazon-corretto-headless"
  description = "The JDK package; add a version to pin it (java-25-amazon-corretto-headless-<version>)."
}

variable "cloudwatch_agent_package" {
  type        = string
  default     = "amazon-cloudwatch-agent"
  description = "The CloudWatch agent package; add a version to pin it."
}
