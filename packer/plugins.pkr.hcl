# Packer and the one plugin the bakery uses, pinned: `packer init packer/` installs exactly
# this, so every bake of the same commit uses the same builder. Kept in its own file because
# older Packer releases (1.6, which the offline checks run) cannot read this block.
packer {
  required_version = ">= 1.10.0, < 2.0.0"
  required_plugins {
    amazon = {
      source  = "github.com/hashicorp/amazon"
      version = "~> 1.3"
    }
  }
}
