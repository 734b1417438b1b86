/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model.provider;


import io.lockstep.model.LockstepFactory;
import io.lockstep.model.LockstepPackage;
import io.lockstep.model.VirtualMachine;

import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EStructuralFeature;

import org.eclipse.emf.edit.provider.ComposeableAdapterFactory;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.ItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.ViewerNotification;

/**
 * This is the item provider adapter for a {@link io.lockstep.model.VirtualMachine} object.
 * <!-- begin-user-doc -->
 * <!-- end-user-doc -->
 * @generated
 */
public class VirtualMachineItemProvider extends NamedItemProvider {
	/**
	 * This constructs an instance from a factory and a notifier.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public VirtualMachineItemProvider(AdapterFactory adapterFactory) {
		super(adapterFactory);
	}

	/**
	 * This returns the property descriptors for the adapted class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public List<IItemPropertyDescriptor> getPropertyDescriptors(Object object) {
		if (itemPropertyDescriptors == null) {
			super.getPropertyDescriptors(object);

			addVcpusPropertyDescriptor(object);
			addMemoryMiBPropertyDescriptor(object);
			addGuestPropertyDescriptor(object);
			addDisksPropertyDescriptor(object);
			addPowerStatePropertyDescriptor(object);
			addCurrentHostPropertyDescriptor(object);
		}
		return itemPropertyDescriptors;
	}

	/**
	 * This adds a property descriptor for the Vcpus feature.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected void addVcpusPropertyDescriptor(Object object) {
		itemPropertyDescriptors.add
			(createItemPropertyDescriptor
				(((ComposeableAdapterFactory)adapterFactory).getRootAdapterFactory(),
				 getResourceLocator(),
				 getString("_UI_VirtualMachine_vcpus_feature"),
				 getString("_UI_PropertyDescriptor_description", "_UI_VirtualMachine_vcpus_feature", "_UI_VirtualMachine_type"),
				 LockstepPackage.Literals.VIRTUAL_MACHINE__VCPUS,
				 true,
				 false,
				 false,
				 ItemPropertyDescriptor.INTEGRAL_VALUE_IMAGE,
				 null,
				 null));
	}

	/**
	 * This adds a property descriptor for the Memory Mi B feature.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected void addMemoryMiBPropertyDescriptor(Object object) {
		itemPropertyDescriptors.add
			(createItemPropertyDescriptor
				(((ComposeableAdapterFactory)adapterFactory).getRootAdapterFactory(),
				 getResourceLocator(),
				 getString("_UI_VirtualMachine_memoryMiB_feature"),
				 getString("_UI_PropertyDescriptor_description", "_UI_VirtualMachine_memoryMiB_feature", "_UI_VirtualMachine_type"),
				 LockstepPackage.Literals.VIRTUAL_MACHINE__MEMORY_MI_B,
				 true,
				 false,
				 false,
				 ItemPropertyDescriptor.INTEGRAL_VALUE_IMAGE,
				 null,
				 null));
	}

	/**
	 * This adds a property descriptor for the Guest feature.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected void addGuestPropertyDescriptor(Object object) {
		itemPropertyDescriptors.add
			(createItemPropertyDescriptor
				(((ComposeableAdapterFactory)adapterFactory).getRootAdapterFactory(),
				 getResourceLocator(),
				 getString("_UI_VirtualMachine_guest_feature"),
				 getString("_UI_PropertyDescriptor_description", "_UI_VirtualMachine_guest_feature", "_UI_VirtualMachine_type"),
				 LockstepPackage.Literals.VIRTUAL_MACHINE__GUEST,
				 true,
				 false,
				 false,
				 ItemPropertyDescriptor.GENERIC_VALUE_IMAGE,
				 null,
				 null));
	}

	/**
	 * This adds a property descriptor for the Disks feature.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected void addDisksPropertyDescriptor(Object object) {
		itemPropertyDescriptors.add
			(createItemPropertyDescriptor
				(((ComposeableAdapterFactory)adapterFactory).getRootAdapterFactory(),
				 getResourceLocator(),
				 getString("_UI_VirtualMachine_disks_feature"),
				 getString("_UI_PropertyDescriptor_description", "_UI_VirtualMachine_disks_feature", "_UI_VirtualMachine_type"),
				 LockstepPackage.Literals.VIRTUAL_MACHINE__DISKS,
				 true,
				 false,
				 true,
				 null,
				 null,
				 null));
	}

	/**
	 * This adds a property descriptor for the Power State feature.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected void addPowerStatePropertyDescriptor(Object object) {
		itemPropertyDescriptors.add
			(createItemPropertyDescriptor
				(((ComposeableAdapterFactory)adapterFactory).getRootAdapterFactory(),
				 getResourceLocator(),
				 getString("_UI_VirtualMachine_powerState_feature"),
				 getString("_UI_PropertyDescriptor_description", "_UI_VirtualMachine_powerState_feature", "_UI_VirtualMachine_type"),
				 LockstepPackage.Literals.VIRTUAL_MACHINE__POWER_STATE,
				 true,
				 false,
				 false,
				 ItemPropertyDescriptor.GENERIC_VALUE_IMAGE,
				 null,
				 null));
	}

	/**
	 * This adds a property descriptor for the Current Host feature.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected void addCurrentHostPropertyDescriptor(Object object) {
		itemPropertyDescriptors.add
			(createItemPropertyDescriptor
				(((ComposeableAdapterFactory)adapterFactory).getRootAdapterFactory(),
				 getResourceLocator(),
				 getString("_UI_VirtualMachine_currentHost_feature"),
				 getString("_UI_PropertyDescriptor_description", "_UI_VirtualMachine_currentHost_feature", "_UI_VirtualMachine_type"),
				 LockstepPackage.Literals.VIRTUAL_MACHINE__CURRENT_HOST,
				 true,
				 false,
				 true,
				 null,
				 null,
				 null));
	}

	/**
	 * This specifies how to implement {@link #getChildren} and is used to deduce an appropriate feature for an
	 * {@link org.eclipse.emf.edit.command.AddCommand}, {@link org.eclipse.emf.edit.command.RemoveCommand} or
	 * {@link org.eclipse.emf.edit.command.MoveCommand} in {@link #createCommand}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Collection<? extends EStructuralFeature> getChildrenFeatures(Object object) {
		if (childrenFeatures == null) {
			super.getChildrenFeatures(object);
			childrenFeatures.add(LockstepPackage.Literals.VIRTUAL_MACHINE__NICS);
			childrenFeatures.add(LockstepPackage.Literals.VIRTUAL_MACHINE__SAN_IDENTITY);
			childrenFeatures.add(LockstepPackage.Literals.VIRTUAL_MACHINE__CHECKPOINTS);
		}
		return childrenFeatures;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EStructuralFeature getChildFeature(Object object, Object child) {
		// Check the type of the specified child object and return the proper feature to use for
		// adding (see {@link AddCommand}) it as a child.

		return super.getChildFeature(object, child);
	}

	/**
	 * This returns VirtualMachine.gif.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object getImage(Object object) {
		return overlayImage(object, getResourceLocator().getImage("full/obj16/VirtualMachine"));
	}

	/**
	 * This returns the label text for the adapted class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	@Override
	public String getText(Object object) {
		io.lockstep.model.VirtualMachine vm = (io.lockstep.model.VirtualMachine)object;
		String name = vm.getName() == null || vm.getName().isEmpty() ? getString("_UI_VirtualMachine_type") : vm.getName();
		return name + " · " + vm.getPowerState().getLiteral() + (vm.getCurrentHost() == null ? "" : " on " + vm.getCurrentHost().getName());
	}


	/**
	 * This handles model notifications by calling {@link #updateChildren} to update any cached
	 * children and by creating a viewer notification, which it passes to {@link #fireNotifyChanged}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void notifyChanged(Notification notification) {
		updateChildren(notification);

		switch (notification.getFeatureID(VirtualMachine.class)) {
			case LockstepPackage.VIRTUAL_MACHINE__VCPUS:
			case LockstepPackage.VIRTUAL_MACHINE__MEMORY_MI_B:
			case LockstepPackage.VIRTUAL_MACHINE__GUEST:
			case LockstepPackage.VIRTUAL_MACHINE__POWER_STATE:
				fireNotifyChanged(new ViewerNotification(notification, notification.getNotifier(), false, true));
				return;
			case LockstepPackage.VIRTUAL_MACHINE__NICS:
			case LockstepPackage.VIRTUAL_MACHINE__SAN_IDENTITY:
			case LockstepPackage.VIRTUAL_MACHINE__CHECKPOINTS:
				fireNotifyChanged(new ViewerNotification(notification, notification.getNotifier(), true, false));
				return;
		}
		super.notifyChanged(notification);
	}

	/**
	 * This adds {@link org.eclipse.emf.edit.command.CommandParameter}s describing the children
	 * that can be created under this object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected void collectNewChildDescriptors(Collection<Object> newChildDescriptors, Object object) {
		super.collectNewChildDescriptors(newChildDescriptors, object);

		newChildDescriptors.add
			(createChildParameter
				(LockstepPackage.Literals.VIRTUAL_MACHINE__NICS,
				 LockstepFactory.eINSTANCE.createNic()));

		newChildDescriptors.add
			(createChildParameter
				(LockstepPackage.Literals.VIRTUAL_MACHINE__SAN_IDENTITY,
				 LockstepFactory.eINSTANCE.createSanIdentity()));

		newChildDescriptors.add
			(createChildParameter
				(LockstepPackage.Literals.VIRTUAL_MACHINE__CHECKPOINTS,
				 LockstepFactory.eINSTANCE.createCheckpoint()));
	}

}
